using Microsoft.AspNetCore.WebUtilities;

namespace Waitlist.Features.Auth.Emails;

/// <summary>
/// What a queued account-email request becomes: an email to the account when the address has one (with a fresh
/// single-use token where it carries a link), nothing otherwise.
/// </summary>
internal sealed class AccountEmailComposer(AuthStore store, VerificationTokens tokens, EmailOutbox outbox, EmailTemplates templates, AuthOptions options)
{
    public async Task ComposeAsync(AccountEmailRequest request, CancellationToken cancellationToken)
    {
        var user = request.Kind == AccountEmails.VerifyEmail
            ? await store.FindUnverifiedUserAsync(request.Email, cancellationToken)
            : await store.FindUserByEmailAsync(request.Email, cancellationToken);
        if (user is null)
            return;

        var message = request.Kind switch
        {
            AccountEmails.ResetPassword => templates.Render("ResetPasswordEmail", user.Email, AuthTexts.ResetPasswordSubject,
                new { user.Name, Link = await ResetLinkAsync(user, request.CallbackUrl, cancellationToken) }),
            AccountEmails.VerifyEmail => templates.Render("VerificationEmail", user.Email, AuthTexts.VerificationSubject,
                new { user.Name, Link = await VerificationLinkAsync(user, request.CallbackUrl, cancellationToken) }),
            AccountEmails.SignUpAttempt => templates.Render("SignUpAttemptEmail", user.Email, AuthTexts.SignUpAttemptSubject,
                new { user.Name, Link = Absolute(request.CallbackUrl) ?? options.PublicOrigin }),
            _ => throw new InvalidOperationException($"Unknown account email request '{request.Kind}'."),
        };
        await outbox.EnqueueAsync(message, cancellationToken);
    }

    private async Task<string> VerificationLinkAsync(AuthUser user, string? callbackUrl, CancellationToken cancellationToken)
    {
        var token = await tokens.CreateAsync(VerificationTokens.EmailVerification, user.Id, VerificationTokens.EmailVerificationLifetime, cancellationToken);
        var link = QueryHelpers.AddQueryString($"{options.PublicOrigin}/api/auth/verify-email", "token", token);
        return string.IsNullOrEmpty(callbackUrl) ? link : QueryHelpers.AddQueryString(link, "callbackURL", callbackUrl);
    }

    /// <summary>The dashboard's reset page (redirectTo) with the token in its query — before any #fragment, where it would be lost.</summary>
    private async Task<string> ResetLinkAsync(AuthUser user, string? redirectTo, CancellationToken cancellationToken)
    {
        var token = await tokens.CreateAsync(VerificationTokens.PasswordReset, user.Id, VerificationTokens.PasswordResetLifetime, cancellationToken);
        return QueryHelpers.AddQueryString(Absolute(redirectTo) ?? options.PublicOrigin + "/reset-password", "token", token);
    }

    /// <summary>A trusted redirect as an absolute URL: same-site paths are resolved against the base URL.</summary>
    private string? Absolute(string? url) =>
        string.IsNullOrEmpty(url) ? null : url.StartsWith('/') ? options.PublicOrigin + url : url;
}
