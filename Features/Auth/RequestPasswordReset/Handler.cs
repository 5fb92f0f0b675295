using Waitlist.Features.Auth.Emails;

namespace Waitlist.Features.Auth.RequestPasswordReset;

/// <summary>
/// Queues a single-use link valid for one hour, sent if the account exists; answers the same, in the same time, either
/// way, so the endpoint tells nobody which addresses are registered.
/// </summary>
internal sealed class Handler(AccountEmails emails) : IHandler
{
    public async Task<Ok<Response>> HandleAsync(Request request, CancellationToken cancellationToken)
    {
        await emails.RequestAsync(AccountEmails.ResetPassword, request.Email!, request.RedirectTo, cancellationToken);
        return TypedResults.Ok(new Response(true, AuthTexts.PasswordResetRequested));
    }
}
