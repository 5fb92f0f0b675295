namespace Waitlist.Features.Waitlist.GetMyPlace;

/// <param name="Position">Place in the queue, 1-based; null until the address is confirmed.</param>
/// <param name="Total">Confirmed entries in the queue.</param>
/// <param name="Referrals">Confirmed referrals that moved this entry up.</param>
/// <param name="ReferralCode">The code of the share link; null until the address is confirmed.</param>
/// <param name="ShareUrl"><c>Waitlist:ShareUrl</c> with <c>?ref=</c> the code; null until the address is confirmed.</param>
/// <param name="Status"><c>pending</c> or <c>confirmed</c>.</param>
public sealed record Response(long? Position, long Total, long Referrals, string? ReferralCode, string? ShareUrl, string Status);
