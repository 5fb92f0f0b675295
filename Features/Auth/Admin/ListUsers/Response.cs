using System.Text.Json.Serialization;
using Waitlist.Infrastructure.Auth;

namespace Waitlist.Features.Auth.Admin.ListUsers;

public sealed record Response(
    IReadOnlyList<AuthUser> Users, long Total,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Limit,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Offset);
