using Waitlist.Features.Auth.Emails;

namespace Waitlist.Features.Auth.SendVerificationEmail;

/// <summary>Queues a new verification link for an unverified account; answers the same, in the same time, whether or not the address is registered.</summary>
internal sealed class Handler(AccountEmails emails) : IHandler
{
    public async Task<Ok<StatusResponse>> HandleAsync(Request request, CancellationToken cancellationToken)
    {
        await emails.RequestAsync(AccountEmails.VerifyEmail, request.Email!, request.CallbackURL, cancellationToken);
        return TypedResults.Ok(new StatusResponse(true));
    }
}
