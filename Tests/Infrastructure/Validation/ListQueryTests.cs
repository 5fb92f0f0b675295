using Waitlist.Features.Auth;
using Waitlist.Features.Messaging;
using Waitlist.Infrastructure.Errors;

namespace Waitlist.Tests.Infrastructure.Validation;

/// <summary>
/// What every list route promises about its query string: a wrong value is a 400 VALIDATION_FAILED with one Spanish
/// field error that names it. Paging (<c>limit</c>/<c>offset</c>) is tried the same ways on every route that pages;
/// each route's own filters are tried beside it.
/// </summary>
public sealed class ListQueryTests(ApiFixture fixture) : ApiTests<ApiFixture>(fixture)
{
    /// <summary>A list route: who may call it, its path, its largest page, and whether it pages by offset (or by cursor).</summary>
    private sealed record ListRoute(string Caller, string Path, int MaxLimit, bool PagesByOffset);

    private const string AnyConversation = "/api/conversations/3f2504e0-4f89-41d3-9a0c-0305e82c3301/messages";

    private static readonly ListRoute[] Lists =
    [
        new("staff", "/api/admin/users", 500, true),
        new("staff", "/api/admin/sessions", 500, true),
        new("staff", "/api/admin/api-keys", 500, true),
        new("user", "/api/user/me/sessions", 100, true),
        new("user", "/api/conversations", 100, false),
        new("user", AnyConversation, 100, false),
    ];

    /// <summary>Every way a page can be asked for wrongly, on every list route.</summary>
    public static TheoryData<string, string, string, string, string> PagingMistakes()
    {
        var rows = new TheoryData<string, string, string, string, string>();
        foreach (var list in Lists)
        {
            foreach (var limit in new[] { "0", "-1", (list.MaxLimit + 1).ToString(), "1.5", "diez", "99999999999" })
                rows.Add(list.Caller, list.Path, $"limit={limit}", "limit:INVALID_LIMIT", CommonTexts.InvalidLimit(list.MaxLimit));
            if (list.PagesByOffset)
                foreach (var offset in new[] { "-1", "x", "2147483648", "99999999999" })
                    rows.Add(list.Caller, list.Path, $"offset={offset}", "offset:INVALID_OFFSET", CommonTexts.InvalidOffset);
        }
        return rows;
    }

    /// <summary>Each list's own filters and cursors.</summary>
    public static TheoryData<string, string, string, string, string> FilterMistakes => new()
    {
        { "staff", "/api/admin/users", "role=superadmin", "role:INVALID_ROLE", AuthTexts.InvalidRole },
        { "staff", "/api/admin/users", "banned=1", "banned:INVALID_FLAG", CommonTexts.InvalidFlag("banned") },
        { "staff", "/api/admin/users", "search=%0A", "search:CONTROL_CHARACTERS", AuthTexts.NoControlCharactersText },
        { "staff", "/api/admin/sessions", "userId=a%27b", "userId:INVALID_ID", AuthTexts.UserIdInvalidText },
        { "staff", "/api/admin/sessions", "active=yes", "active:INVALID_FLAG", CommonTexts.InvalidFlag("active") },
        { "staff", "/api/admin/api-keys", "userId=a%27b", "userId:INVALID_ID", AuthTexts.UserIdInvalidText },
        { "staff", "/api/admin/api-keys", "enabled=yes", "enabled:INVALID_FLAG", CommonTexts.InvalidFlag("enabled") },
        { "user", "/api/user/me/sessions", "active=si", "active:INVALID_FLAG", CommonTexts.InvalidFlag("active") },
        { "user", "/api/conversations", "cursor=abc", "cursor:INVALID_CURSOR", MessagingTexts.CursorInvalid },
        { "user", "/api/conversations", "cursor=-5", "cursor:INVALID_CURSOR", MessagingTexts.CursorInvalid },
        { "user", AnyConversation, "before=0", "before:INVALID_CURSOR", MessagingTexts.MessageIdInvalid },
        { "user", AnyConversation, "after=x", "after:INVALID_CURSOR", MessagingTexts.MessageIdInvalid },
    };

    [Theory]
    [MemberData(nameof(PagingMistakes))]
    [MemberData(nameof(FilterMistakes))]
    public async Task A_wrong_value_is_a_spanish_field_error_that_names_it(string caller, string path, string query, string error, string message)
    {
        var client = await AuthClient.SignedInAsAsync(Api, caller);

        var body = await (await client.GetAsync($"{path}?{query}")).ShouldBe(HttpStatusCode.BadRequest);

        Assert.Equal("VALIDATION_FAILED", body.GetProperty("code").GetString());
        Assert.Equal([error], body.FieldErrors());
        Assert.Equal(message, body.GetProperty("details")[0].GetProperty("message").GetString());
    }
}
