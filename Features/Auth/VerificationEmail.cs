using System.Data;
using Waitlist.Infrastructure.Auth;
using Waitlist.Infrastructure.Email;

namespace Waitlist.Features.Auth;

/// <summary>The "confirm your email" message (sign-up, send-verification-email), queued in the caller's transaction.</summary>
public static class VerificationEmail
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    public static async Task EnqueueAsync(IDbTransaction transaction, AuthUser user, string? callbackUrl,
        AuthOptions options, EmailTemplates templates, CancellationToken cancellationToken)
    {
        var token = await new VerificationTokens(options).CreateAsync(transaction, VerificationTokens.EmailVerification, user.Id, Lifetime, cancellationToken);
        var link = $"{options.BaseUrl.GetLeftPart(UriPartial.Authority)}/api/auth/verify-email?token={Uri.EscapeDataString(token)}"
            + (string.IsNullOrEmpty(callbackUrl) ? "" : $"&callbackURL={Uri.EscapeDataString(callbackUrl)}");
        var message = templates.Render("VerificationEmail", user.Email, AuthTexts.VerificationSubject, new { user.Name, Link = link });
        await EmailOutbox.EnqueueAsync(transaction, message, cancellationToken);
    }
}
