namespace Waitlist.Tests.Features.Auth.AdminViews;

public sealed class BrowseUsersTests(ApiFixture fixture) : ApiTests<ApiFixture>(fixture)
{
    /// <summary>Five accounts whose addresses share a tag, newest last: 1 and 3 staff, 3 banned for spam, 4 banned until an hour ago.</summary>
    private async Task<(AuthClient Staff, string Tag, string[] Emails)> FiveTaggedAsync()
    {
        var tag = Guid.NewGuid().ToString("N")[..10];
        var emails = Enumerable.Range(0, 5).Select(i => $"listar-{tag}-{i}@example.com").ToArray();
        foreach (var email in emails)
            await new AuthClient(Api).SignUpAsync(email, name: $"Persona {tag}");
        await using var db = await Api.OpenDatabaseAsync();
        await db.ExecuteAsync("UPDATE users SET role = 'staff' WHERE email = ANY(@staff)", new { staff = new[] { emails[1], emails[3] } });
        await db.ExecuteAsync("UPDATE users SET banned = true, ban_reason = 'spam' WHERE email = @email", new { email = emails[3] });
        await db.ExecuteAsync("UPDATE users SET banned = true, ban_expires = now() - interval '1 hour' WHERE email = @email", new { email = emails[4] });
        return (await AuthClient.SignedInAsAsync(Api, "staff"), tag, emails);
    }

    /// <summary>
    /// Queries over the five tagged accounts (<c>{tag}</c> stands for their tag): the accounts each lists, by index and
    /// in the order listed, and its page.
    /// </summary>
    public static TheoryData<string, int[], long, int, int, bool> Queries => new()
    {
        { "search={TAG}", [4, 3, 2, 1, 0], 5, 50, 0, false },
        { "search=Persona%20{tag}", [4, 3, 2, 1, 0], 5, 50, 0, false },
        { "search={tag}&role=staff", [3, 1], 2, 50, 0, false },
        { "search={tag}&banned=true", [3], 1, 50, 0, false }, // the ban of account 4 has run out
        { "search={tag}&banned=false&role=user", [4, 2, 0], 3, 50, 0, false },
        { "search={tag}&limit=2", [4, 3], 5, 2, 0, true },
        { "search={tag}&limit=2&offset=4", [0], 5, 2, 4, false },
        { "search={tag}&limit=5", [4, 3, 2, 1, 0], 5, 5, 0, false },
        { "search={tag}&offset=5", [], 5, 50, 5, false },
        { "search={tag}&limit=500&offset=2147483647", [], 5, 500, int.MaxValue, false },
        { "search=%25", [], 0, 50, 0, false }, // a LIKE wildcard is taken literally
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Search_role_bans_in_force_and_pages_filter_newest_first(string query, int[] listed, long total, int limit, int offset, bool hasMore)
    {
        var (staff, tag, emails) = await FiveTaggedAsync();

        var body = await (await staff.GetAsync($"/api/admin/users?{query.Replace("{TAG}", tag.ToUpperInvariant()).Replace("{tag}", tag)}")).ShouldBe(HttpStatusCode.OK);

        var users = body.GetProperty("users").EnumerateArray().ToList();
        Assert.Equal(listed.Select(i => emails[i]), users.Select(u => u.GetProperty("email").GetString()));
        Assert.Equal(listed.Select(i => i == 3 ? "spam" : null), users.Select(u => u.GetProperty("banReason").GetString()));
        Assert.Equal((total, limit, offset, hasMore), body.Pagination());
        Assert.DoesNotContain("password", body.ToString(), StringComparison.OrdinalIgnoreCase);
    }
}
