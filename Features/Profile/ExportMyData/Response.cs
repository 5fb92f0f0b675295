namespace Waitlist.Features.Profile.ExportMyData;

/// <param name="Sections">One per feature that holds data about people (account, profile, waitlist, emails, ...); null where it holds nothing of yours.</param>
internal sealed record Response(DateTimeOffset ExportedAt, IReadOnlyDictionary<string, object?> Sections);
