namespace Waitlist.Features.Profile;

/// <summary>The saved profile and the avatar (its JPEG itself, base64, since it is the person's picture); erased outright.</summary>
internal sealed class ProfilePersonalData(ProfileStore store) : IPersonalData
{
    public string Section => "profile";

    public async Task<object?> ExportAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        var profile = await store.FindAsync(subject.UserId, cancellationToken);
        var avatar = await store.FindAvatarAsync(subject.UserId, cancellationToken);
        if (profile is null && avatar is null)
            return null;
        return new ProfileExport(profile, avatar is null ? null : new AvatarExport("image/jpeg", avatar.CreatedAt, Convert.ToBase64String(avatar.Jpeg)));
    }

    public Task EraseAsync(DataSubject subject, CancellationToken cancellationToken) => store.EraseAsync(subject.UserId, cancellationToken);

    /// <param name="Profile">Null when only an avatar was ever saved.</param>
    private sealed record ProfileExport(ProfileData? Profile, AvatarExport? Avatar);

    private sealed record AvatarExport(string ContentType, DateTime CreatedAt, string Base64);
}
