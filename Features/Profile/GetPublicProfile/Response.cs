namespace Waitlist.Features.Profile.GetPublicProfile;

/// <summary>The same shape as GET /api/user/me, with only what others may see.</summary>
internal sealed record Response(PublicUser User);

internal sealed record PublicUser(string Id, string Name, string? Image, PublicProfile Profile);

internal sealed record PublicProfile(string? Type, string? Field, string? Company, string? Headline, string? Bio, string? Location, string[] Links, string? Orcid);
