namespace Waitlist.Tests.Features.Auth.AdminViews;

public sealed class BrowseUsersTests(ApiFixture fixture) : ApiTests<ApiFixture>(fixture)
{
    /// <summary>Five accounts whose addresses share a tag, newest last: two staff, one of them banned.</summary>
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

    private static string[] Emails(JsonElement body) => body.GetProperty("users").EnumerateArray().Select(u => u.GetProperty("email").GetString()!).ToArray();


    [Fact]
    public async Task Search_role_and_a_ban_in_force_filter_newest_first()
    {
        var (staff, tag, emails) = await FiveTaggedAsync();

        var all = await (await staff.GetAsync($"/api/admin/users?search={tag.ToUpperInvariant()}")).ShouldBe(HttpStatusCode.OK);
        var byName = await (await staff.GetAsync($"/api/admin/users?search=Persona%20{tag}")).ShouldBe(HttpStatusCode.OK);
        var team = await (await staff.GetAsync($"/api/admin/users?search={tag}&role=staff")).ShouldBe(HttpStatusCode.OK);
        var banned = await (await staff.GetAsync($"/api/admin/users?search={tag}&banned=true")).ShouldBe(HttpStatusCode.OK);
        var notBanned = await (await staff.GetAsync($"/api/admin/users?search={tag}&banned=false&role=user")).ShouldBe(HttpStatusCode.OK);

        Assert.Equal(Enumerable.Reverse(emails), Emails(all));
        Assert.Equal((5, 50, 0, false), all.Pagination());
        Assert.Equal(5, byName.Pagination().Total);
        Assert.Equal([emails[3], emails[1]], Emails(team));
        Assert.Equal([emails[3]], Emails(banned)); // the ban of emails[4] has run out
        Assert.Equal([emails[4], emails[2], emails[0]], Emails(notBanned));
        Assert.Equal("spam", banned.GetProperty("users")[0].GetProperty("banReason").GetString());
        Assert.DoesNotContain("password", all.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Pages_end_where_the_list_ends()
    {
        var (staff, tag, emails) = await FiveTaggedAsync();

        var first = await (await staff.GetAsync($"/api/admin/users?search={tag}&limit=2")).ShouldBe(HttpStatusCode.OK);
        var last = await (await staff.GetAsync($"/api/admin/users?search={tag}&limit=2&offset=4")).ShouldBe(HttpStatusCode.OK);
        var exact = await (await staff.GetAsync($"/api/admin/users?search={tag}&limit=5")).ShouldBe(HttpStatusCode.OK);
        var beyond = await (await staff.GetAsync($"/api/admin/users?search={tag}&offset=5")).ShouldBe(HttpStatusCode.OK);
        var most = await (await staff.GetAsync($"/api/admin/users?search={tag}&limit=500&offset=2147483647")).ShouldBe(HttpStatusCode.OK);

        Assert.Equal((5, 2, 0, true), first.Pagination());
        Assert.Equal([emails[4], emails[3]], Emails(first));
        Assert.Equal((5, 2, 4, false), last.Pagination());
        Assert.Equal([emails[0]], Emails(last));
        Assert.False(exact.Pagination().HasMore);
        Assert.Equal((5, 50, 5, false), beyond.Pagination());
        Assert.Empty(Emails(beyond));
        Assert.Equal((5L, 500, int.MaxValue, false), most.Pagination());
    }

    [Fact]
    public async Task Wildcards_in_a_search_are_taken_literally()
    {
        var (staff, _, _) = await FiveTaggedAsync();

        var body = await (await staff.GetAsync("/api/admin/users?search=%25")).ShouldBe(HttpStatusCode.OK);

        Assert.Equal(0, body.Pagination().Total);
    }
}
