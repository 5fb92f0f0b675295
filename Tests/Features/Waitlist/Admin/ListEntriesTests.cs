namespace Waitlist.Tests.Features.Waitlist.Admin;

public sealed class ListEntriesTests : IAsyncLifetime
{
    private ApiFactory _api = null!;
    private AuthClient _staff = null!;

    public async Task InitializeAsync()
    {
        _api = await ApiFactory.StartAsync();
        _staff = await AuthClient.SignedInAsAsync(_api, "staff");
        // Seven entries, one a day, the newest first in the list: four professionals, two companies, one pending.
        await Seed.EntryAsync(_api, "uno@example.com", createdAtSql: "'2026-03-01T10:00:00Z'", field: "Física");
        await Seed.EntryAsync(_api, "dos@example.com", createdAtSql: "'2026-03-02T10:00:00Z'", field: " física ");
        await Seed.EntryAsync(_api, "tres@example.com", createdAtSql: "'2026-03-03T10:00:00Z'", field: "Química");
        await Seed.EntryAsync(_api, "cuatro@example.com", createdAtSql: "'2026-03-04T10:00:00Z'", type: "empresa", field: null);
        await Seed.EntryAsync(_api, "cinco@example.com", createdAtSql: "'2026-03-05T10:00:00Z'", type: "empresa", field: null);
        await Seed.EntryAsync(_api, "seis@example.com", createdAtSql: "'2026-03-06T10:00:00Z'", field: "Biología", status: "pending");
        await Seed.EntryAsync(_api, "siete@example.com", createdAtSql: "'2026-03-07T10:00:00Z'", field: "100% Química_Orgánica");
        await using var db = await _api.OpenDatabaseAsync();
        await db.ExecuteAsync("UPDATE waitlist_entries SET archived_at = now() WHERE email = 'uno@example.com'");
        await db.ExecuteAsync("UPDATE waitlist_entries SET invited_at = now() WHERE email IN ('dos@example.com', 'tres@example.com')");
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private async Task<JsonElement> ListAsync(string query = "") =>
        await (await _staff.GetAsync($"/api/admin/waitlist{query}")).ShouldBe(HttpStatusCode.OK);

    private static string[] Emails(JsonElement body) =>
        body.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("email").GetString()!).ToArray();

    private static (long Total, int Limit, int Offset, bool HasMore) Page(JsonElement body)
    {
        var pagination = body.GetProperty("pagination");
        return (pagination.GetProperty("total").GetInt64(), pagination.GetProperty("limit").GetInt32(), pagination.GetProperty("offset").GetInt32(),
            pagination.GetProperty("hasMore").GetBoolean());
    }

    [Fact]
    public async Task Lists_newest_first_with_places_and_pagination()
    {
        var body = await ListAsync();

        Assert.Equal(["siete@example.com", "seis@example.com", "cinco@example.com", "cuatro@example.com", "tres@example.com", "dos@example.com", "uno@example.com"], Emails(body));
        Assert.Equal((7, 50, 0, false), Page(body));
        var first = body.GetProperty("entries")[0];
        Assert.Equal(6, first.GetProperty("position").GetInt64());
        Assert.Equal("confirmed", first.GetProperty("status").GetString());
        Assert.Equal(12, first.GetProperty("referralCode").GetString()!.Length);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("entries")[1].GetProperty("position").ValueKind);
        Assert.Equal(new DateTime(2026, 3, 7, 10, 0, 0, DateTimeKind.Utc), first.GetProperty("createdAt").GetDateTime().ToUniversalTime());
    }

    [Fact]
    public async Task Pages_end_exactly_and_a_page_past_the_end_is_empty()
    {
        Assert.Equal(("siete,seis,cinco", (7L, 3, 0, true)), Read(await ListAsync("?limit=3")));
        Assert.Equal(("cuatro,tres,dos", (7L, 3, 3, true)), Read(await ListAsync("?limit=3&offset=3")));
        Assert.Equal(("uno", (7L, 3, 6, false)), Read(await ListAsync("?limit=3&offset=6")));
        Assert.Equal(("siete,seis,cinco,cuatro,tres,dos,uno", (7L, 7, 0, false)), Read(await ListAsync("?limit=7")));
        Assert.Equal(("", (7L, 50, 7, false)), Read(await ListAsync("?offset=7")));
        Assert.Equal(("", (7L, 500, 1000000, false)), Read(await ListAsync("?limit=500&offset=1000000")));

        // The page's addresses without their domain, and its pagination.
        static (string, (long, int, int, bool)) Read(JsonElement body) => (string.Join(",", Emails(body).Select(e => e.Replace("@example.com", ""))), Page(body));
    }

    public static TheoryData<string, string[]> Filters => new()
    {
        { "?type=empresa", ["cinco@example.com", "cuatro@example.com"] },
        { "?field=F%C3%8DSICA", ["dos@example.com", "uno@example.com"] },
        { "?search=TRES", ["tres@example.com"] },
        { "?search=100%25", ["siete@example.com"] },
        { "?search=_", ["siete@example.com"] },
        { "?from=2026-03-03&to=2026-03-05", ["cinco@example.com", "cuatro@example.com", "tres@example.com"] },
        { "?from=2026-03-03T10:00:01Z", ["siete@example.com", "seis@example.com", "cinco@example.com", "cuatro@example.com"] },
        { "?archived=true", ["uno@example.com"] },
        { "?archived=false&invited=true", ["tres@example.com", "dos@example.com"] },
        { "?invited=false&type=professional&status=confirmed", ["siete@example.com", "uno@example.com"] },
        { "?status=pending", ["seis@example.com"] },
        { "?type=&search=", ["siete@example.com", "seis@example.com", "cinco@example.com", "cuatro@example.com", "tres@example.com", "dos@example.com", "uno@example.com"] },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Filters_combine(string query, string[] expected)
    {
        var body = await ListAsync(query);

        Assert.Equal(expected, Emails(body));
        Assert.Equal(expected.Length, Page(body).Total);
    }

    public static TheoryData<string, string[]> Invalid => new()
    {
        { "?limit=0", ["limit:INVALID_LIMIT"] },
        { "?limit=501", ["limit:INVALID_LIMIT"] },
        { "?limit=-1&offset=-1", ["limit:INVALID_LIMIT", "offset:INVALID_OFFSET"] },
        { "?limit=diez&offset=1.5", ["limit:INVALID_LIMIT", "offset:INVALID_OFFSET"] },
        { "?offset=99999999999", ["offset:INVALID_OFFSET"] },
        { "?type=otro&status=borrada", ["status:INVALID_STATUS", "type:INVALID_TYPE"] },
        { "?from=01/03/2026&to=mañana", ["from:INVALID_DATE", "to:INVALID_DATE"] },
        { "?from=2026-03-05&to=2026-03-01", ["to:INVALID_RANGE"] },
        { "?archived=si&invited=1", ["archived:INVALID_BOOLEAN", "invited:INVALID_BOOLEAN"] },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task What_does_not_read_is_a_400_with_spanish_field_errors(string query, string[] expected)
    {
        var body = await (await _staff.GetAsync($"/api/admin/waitlist{query}")).ShouldBe(HttpStatusCode.BadRequest);

        Assert.Equal("VALIDATION_FAILED", body.GetProperty("code").GetString());
        Assert.Equal(expected, body.FieldErrors());
        Assert.All(body.GetProperty("details").EnumerateArray(), d => Assert.False(string.IsNullOrWhiteSpace(d.GetProperty("message").GetString())));
    }
}
