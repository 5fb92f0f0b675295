namespace Waitlist.Features.Waitlist.Admin;

/// <summary>A waitlist entry as the admin views show it.</summary>
/// <param name="Position">Place in the queue; null while the address is unconfirmed.</param>
/// <param name="Referrals">Confirmed referrals that moved it up.</param>
public sealed record AdminEntry(
    Guid Id, string Email, string Type, string Name, string? Field, string? Company, string Status, long? Position, long Referrals,
    string? ReferralCode, DateTime CreatedAt, DateTime? ConfirmedAt, DateTime? InvitedAt, DateTime? ArchivedAt)
{
    /// <summary>Entries with their places: append a WHERE over <c>waitlist_entries e</c> (needs <c>@Boost</c>).</summary>
    public const string SelectSql = $"""
        WITH {WaitlistQueue.PlacesSql}
        SELECT e.id, e.email, e.type, e.name, e.field, e.company, e.status, p.place AS position, coalesce(p.referrals, 0) AS referrals,
               e.referral_code AS referralcode, e.created_at AS createdat, e.confirmed_at AS confirmedat, e.invited_at AS invitedat,
               e.archived_at AS archivedat
        FROM waitlist_entries e LEFT JOIN places p ON p.id = e.id
        """;

    /// <summary>The admin views' order: newest first, and stable between pages.</summary>
    public const string OrderSql = "ORDER BY e.created_at DESC, e.id DESC";
}
