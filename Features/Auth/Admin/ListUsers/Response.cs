namespace Waitlist.Features.Auth.Admin.ListUsers;

internal sealed record Response(
    IReadOnlyList<AuthUser> Users, long Total,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Limit,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Offset);
