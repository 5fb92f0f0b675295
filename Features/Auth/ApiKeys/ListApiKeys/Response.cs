namespace Waitlist.Features.Auth.ApiKeys.ListApiKeys;

/// <summary>Better Auth 1.7's list answer; limit and offset only when the query gave them.</summary>
internal sealed record Response(
    IReadOnlyList<ApiKeyView> ApiKeys,
    long Total,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Limit,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Offset);
