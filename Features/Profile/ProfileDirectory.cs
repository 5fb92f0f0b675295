namespace Waitlist.Features.Profile;

/// <summary>
/// The profile's public surface, for the features that act on a person's choices without reading the profile's
/// tables: today, whether they want the daily email digest of unread messages (messaging's daily job).
/// </summary>
public sealed class ProfileDirectory
{
    private readonly ProfileStore _store;

    internal ProfileDirectory(ProfileStore store) => _store = store;

    /// <summary>
    /// Which of <paramref name="userIds"/> want the daily email digest: everyone who has not turned it off
    /// (<c>emailDigest</c> is true by default, so a person who never saved a profile gets it).
    /// </summary>
    public Task<IReadOnlyList<string>> WantingEmailDigestAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken) =>
        _store.WantingEmailDigestAsync(userIds, cancellationToken);
}
