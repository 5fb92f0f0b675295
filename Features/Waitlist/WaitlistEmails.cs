using Microsoft.AspNetCore.WebUtilities;

namespace Waitlist.Features.Waitlist;

/// <summary>
/// The waitlist's emails: their templates, the signed links they carry, and the one-click unsubscribe headers (RFC 8058)
/// that every one of them has along with a visible link. Each is queued as a template and its data, rendered at delivery.
/// </summary>
internal sealed class WaitlistEmails(WaitlistSettings settings, WaitlistTokens tokens)
{
    /// <summary>"Confirm your address": its data is built from the stored entry by JoinWaitlist's statement.</summary>
    public const string ConfirmationTemplate = "WaitlistConfirmation";

    /// <summary>"You are in, number N": the place and the share link, once the address is confirmed.</summary>
    public const string WelcomeTemplate = "WaitlistWelcome";

    /// <summary>An admin's invitation to sign up.</summary>
    public const string InvitationTemplate = "WaitlistInvitation";

    /// <summary>Every template the waitlist sends to the people on it: what leaving the list drops from the outbox.</summary>
    public static readonly string[] Templates = [ConfirmationTemplate, WelcomeTemplate, InvitationTemplate];

    private readonly string _api = settings.PublicApiUrl.TrimEnd('/');

    /// <summary>
    /// The confirmation email's values for a statement that builds its rows from the stored entries (<c>@Subject</c>,
    /// <c>@Template</c>, <c>@PendingDays</c>), the same for every entry; each entry has its own <see cref="ConfirmationLinks"/>.
    /// </summary>
    public ConfirmationEmail Confirmation => new(WaitlistTexts.ConfirmationSubject, ConfirmationTemplate, settings.PendingDays);

    /// <summary>The signed links of one entry's confirmation email, and its unsubscribe headers as JSON.</summary>
    public ConfirmationLinks ConfirmationLinks(Guid entryId)
    {
        var unsubscribeUrl = UnsubscribeUrl(entryId);
        return new ConfirmationLinks(
            $"{_api}/api/waitlist/confirm?token={tokens.Confirmation(entryId, TimeSpan.FromDays(settings.PendingDays))}",
            unsubscribeUrl,
            EmailOutbox.HeadersJson(EmailHeaders.OneClickUnsubscribe(unsubscribeUrl))!);
    }

    public TemplatedEmail Welcome(Guid entryId, string to, string name, WaitlistPlace place)
    {
        var unsubscribeUrl = UnsubscribeUrl(entryId);
        return new TemplatedEmail(to, WaitlistTexts.WelcomeSubject(place.Position ?? 0), WelcomeTemplate, new
        {
            Name = name,
            place.Position,
            place.Total,
            ShareUrl = ShareUrl(place.ReferralCode!),
            settings.ReferralBoost,
            StatusPageUrl = StatusPageUrl(entryId),
            UnsubscribeUrl = unsubscribeUrl,
        }) { Headers = EmailHeaders.OneClickUnsubscribe(unsubscribeUrl) };
    }

    public TemplatedEmail Invitation(Guid entryId, string to, string name)
    {
        var unsubscribeUrl = UnsubscribeUrl(entryId);
        return new TemplatedEmail(to, WaitlistTexts.InvitationSubject, InvitationTemplate, new { Name = name, settings.SignUpUrl, UnsubscribeUrl = unsubscribeUrl })
        {
            Headers = EmailHeaders.OneClickUnsubscribe(unsubscribeUrl),
        };
    }

    public string ShareUrl(string referralCode) => QueryHelpers.AddQueryString(settings.ShareUrl, "ref", referralCode);

    /// <summary>The person's page on the marketing site, with their token; null when <c>Waitlist:StatusPageUrl</c> is not set.</summary>
    private string? StatusPageUrl(Guid entryId) =>
        settings.StatusPageUrl.Length == 0 ? null : QueryHelpers.AddQueryString(settings.StatusPageUrl, "token", tokens.Entry(entryId));

    private string UnsubscribeUrl(Guid entryId) => $"{_api}/api/waitlist/unsubscribe?token={tokens.Entry(entryId)}";
}

internal sealed record ConfirmationEmail(string Subject, string Template, int PendingDays);

internal sealed record ConfirmationLinks(string ConfirmUrl, string UnsubscribeUrl, string HeadersJson);
