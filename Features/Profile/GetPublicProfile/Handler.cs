namespace Waitlist.Features.Profile.GetPublicProfile;

/// <summary>What others see of a person: no email, no choices of theirs (the digest); nothing at all while they are banned.</summary>
internal sealed class Handler(UserDirectory users, ProfileStore profiles, TimeProvider time) : IHandler
{
    public async Task<Results<Ok<Response>, ErrorResult>> HandleAsync(string userId, CancellationToken cancellationToken)
    {
        var user = await users.FindAsync(userId, cancellationToken);
        if (user is null || user.IsBannedAt(time.GetUtcNow().UtcDateTime))
            return ErrorResponses.Result(ProfileTexts.ProfileNotFound);
        var profile = await profiles.FindOrPrefillAsync(user, cancellationToken);
        return TypedResults.Ok(new Response(new PublicUser(user.Id, user.Name, user.Image, new PublicProfile(
            profile.Type, profile.Field, profile.Company, profile.Headline, profile.Bio, profile.Location, profile.Links, profile.Orcid))));
    }
}
