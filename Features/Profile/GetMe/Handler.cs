namespace Waitlist.Features.Profile.GetMe;

/// <summary>The caller's account as this request's session found it, and their profile (prefilled from the waitlist until saved).</summary>
internal sealed class Handler(ProfileStore profiles) : IHandler
{
    public async Task<Ok<MeResponse>> HandleAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var user = context.RequiredUser();
        return TypedResults.Ok(MeResponse.Of(user, await profiles.FindOrPrefillAsync(user, cancellationToken)));
    }
}
