using Waitlist.Tests.Features.Waitlist;

namespace Waitlist.Tests.Features.Profile;

public sealed class UpdateMeTests(ApiFixture fixture) : ApiTests<ApiFixture>(fixture)
{
    private const string Path = "/api/user/me";

    private static JsonElement Profile(JsonElement me) => me.GetProperty("user").GetProperty("profile");

    [Fact]
    public async Task It_changes_what_was_sent_keeps_what_was_not_and_clears_what_was_null()
    {
        var client = await AuthClient.SignedInAsAsync(Api, "user");
        await (await client.PatchAsync(Path, new
        {
            name = "  Ana María Pérez ",
            image = "https://cdn.example.com/ana.png",
            profile = new
            {
                type = "professional", field = "Química analítica", company = "Laboratorio Sur", headline = "Cromatografía y espectrometría",
                bio = "Primera línea.\r\nSegunda línea.", location = "Granada", links = new[] { "https://lab.example.com/ana", " https://example.org/cv " },
                orcid = "https://orcid.org/0000-0002-1694-233x", emailDigest = false,
            },
        })).ShouldBe(HttpStatusCode.OK);

        var me = await (await client.PatchAsync(Path, new { profile = new { headline = (string?)null, location = "  " } })).ShouldBe(HttpStatusCode.OK);

        var user = me.GetProperty("user");
        Assert.Equal(("Ana María Pérez", "https://cdn.example.com/ana.png"), (user.GetProperty("name").GetString(), user.GetProperty("image").GetString()));
        var profile = Profile(me);
        Assert.Equal(JsonValueKind.Null, profile.GetProperty("headline").ValueKind);
        Assert.Equal(JsonValueKind.Null, profile.GetProperty("location").ValueKind);
        Assert.Equal("Química analítica", profile.GetProperty("field").GetString());
        Assert.Equal("Primera línea.\nSegunda línea.", profile.GetProperty("bio").GetString());
        Assert.Equal(["https://lab.example.com/ana", "https://example.org/cv"], profile.GetProperty("links").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal("0000-0002-1694-233X", profile.GetProperty("orcid").GetString());
        Assert.False(profile.GetProperty("emailDigest").GetBoolean());
        Assert.Equal(me.ToString(), (await (await client.GetAsync(Path)).ShouldBe(HttpStatusCode.OK)).ToString());
    }

    [Fact]
    public async Task The_waitlist_prefill_is_kept_when_another_field_is_saved_first()
    {
        var email = AuthClient.UniqueEmail("empresa");
        await (await Api.ClientFrom(TestIps.Unique()).PostJsonAsync("/api/waitlist",
            new { email, type = "empresa", name = "Ana Pérez", company = "Reactivos del Sur" })).ShouldBe(HttpStatusCode.Created);
        await Api.ConfirmAsync(email);
        var client = new AuthClient(Api);
        await client.SignUpAsync(email);

        var profile = Profile(await (await client.PatchAsync(Path, new { profile = new { headline = "Compras de laboratorio" } })).ShouldBe(HttpStatusCode.OK));

        Assert.Equal(("empresa", "Reactivos del Sur", "Compras de laboratorio"),
            (profile.GetProperty("type").GetString(), profile.GetProperty("company").GetString(), profile.GetProperty("headline").GetString()));
        await using var db = await Api.OpenDatabaseAsync();
        Assert.Equal("Reactivos del Sur", await db.ExecuteScalarAsync<string>(
            "SELECT p.company FROM profiles p JOIN users u ON u.id = p.user_id WHERE u.email = @email", new { email }));
    }

    [Fact]
    public async Task Simultaneous_changes_of_different_fields_all_land()
    {
        var client = await AuthClient.SignedInAsAsync(Api, "user");

        var responses = await Task.WhenAll(
            client.PatchAsync(Path, new { profile = new { headline = "Titular" } }),
            client.PatchAsync(Path, new { profile = new { location = "Sevilla" } }),
            client.PatchAsync(Path, new { profile = new { company = "Empresa" } }),
            client.PatchAsync(Path, new { profile = new { bio = "Bio" } }));

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        var profile = Profile(await (await client.GetAsync(Path)).ShouldBe(HttpStatusCode.OK));
        Assert.Equal(("Titular", "Sevilla", "Empresa", "Bio"), (profile.GetProperty("headline").GetString(), profile.GetProperty("location").GetString(),
            profile.GetProperty("company").GetString(), profile.GetProperty("bio").GetString()));
    }

    [Fact]
    public async Task Role_email_and_unknown_fields_are_refused_by_name_and_nothing_changes()
    {
        var client = await AuthClient.SignedInAsAsync(Api, "user");

        var body = await (await client.PatchRawAsync(Path,
            """{ "name": "Nuevo nombre", "role": "admin", "email": "otra@example.com", "emailVerified": true, "favoriteColor": "azul", "profile": { "headline": "Hola", "salary": 1 } }"""))
            .ShouldBe(HttpStatusCode.BadRequest);

        Assert.Equal("VALIDATION_FAILED", body.GetProperty("code").GetString());
        Assert.Equal(["email:READ_ONLY_FIELD", "emailVerified:READ_ONLY_FIELD", "favoriteColor:UNKNOWN_FIELD", "profile.salary:UNKNOWN_FIELD", "role:READ_ONLY_FIELD"],
            body.FieldErrors());
        Assert.Contains(body.GetProperty("details").EnumerateArray(), d => d.GetProperty("message").GetString() == "«role» no se puede cambiar aquí.");
        var me = await (await client.GetAsync(Path)).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(("Ana Pérez", "user"), (me.GetProperty("user").GetProperty("name").GetString(), me.GetProperty("user").GetProperty("role").GetString()));
    }

    [Theory]
    [InlineData("""{ "name": "Ana\nPérez" }""", "name:CONTROL_CHARACTERS")]
    [InlineData("""{ "name": "   " }""", "name:REQUIRED")]
    [InlineData("""{ "name": null }""", "name:REQUIRED")]
    [InlineData("""{ "image": "http://cdn.example.com/a.png" }""", "image:INVALID_URL")]
    [InlineData("""{ "image": "https://usuario:clave@cdn.example.com/a.png" }""", "image:INVALID_URL")]
    [InlineData("""{ "image": "javascript:alert(1)" }""", "image:INVALID_URL")]
    [InlineData("""{ "profile": null }""", "profile:INVALID_PROFILE")]
    [InlineData("""{ "profile": { "type": "estudiante" } }""", "profile.type:INVALID_TYPE")]
    [InlineData("""{ "profile": { "headline": "Hola\u0007" } }""", "profile.headline:CONTROL_CHARACTERS")]
    [InlineData("""{ "profile": { "bio": "Línea\ttabulada" } }""", "profile.bio:CONTROL_CHARACTERS")]
    [InlineData("""{ "profile": { "location": "Sevilla\u001b[31m" } }""", "profile.location:CONTROL_CHARACTERS")]
    [InlineData("""{ "profile": { "links": ["https://a.example", "https://b.example", "https://c.example", "https://d.example", "https://e.example", "https://f.example"] } }""", "profile.links:TOO_MANY_LINKS")]
    [InlineData("""{ "profile": { "links": ["ftp://a.example/x"] } }""", "profile.links[0]:INVALID_URL")]
    [InlineData("""{ "profile": { "links": [null] } }""", "profile.links[0]:INVALID_URL")]
    [InlineData("""{ "profile": { "orcid": "0000-0002-1825-0098" } }""", "profile.orcid:INVALID_ORCID")]
    [InlineData("""{ "profile": { "orcid": "0000-0002-1825-009" } }""", "profile.orcid:INVALID_ORCID")]
    [InlineData("""{ "profile": { "orcid": "00000002-1825-0097" } }""", "profile.orcid:INVALID_ORCID")]
    [InlineData("""{ "profile": { "emailDigest": null } }""", "profile.emailDigest:REQUIRED")]
    public async Task Invalid_values_are_spanish_field_errors(string json, string error)
    {
        var client = await AuthClient.SignedInAsAsync(Api, "user");

        var body = await (await client.PatchRawAsync(Path, json)).ShouldBe(HttpStatusCode.BadRequest);

        Assert.Equal([error], body.FieldErrors());
    }

    [Theory]
    [InlineData("headline", 120)]
    [InlineData("location", 120)]
    [InlineData("field", 120)]
    [InlineData("company", 160)]
    [InlineData("bio", 2000)]
    public async Task Texts_may_be_as_long_as_their_limit_counted_in_characters_and_no_longer(string field, int limit)
    {
        var client = await AuthClient.SignedInAsAsync(Api, "user");
        var atLimit = new string('é', limit - 1) + "🧪"; // the emoji is two UTF-16 units, one character

        var saved = Profile(await (await client.PatchAsync(Path, new { profile = new Dictionary<string, string> { [field] = atLimit } })).ShouldBe(HttpStatusCode.OK));
        var tooLong = await (await client.PatchAsync(Path, new { profile = new Dictionary<string, string> { [field] = atLimit + "x" } })).ShouldBe(HttpStatusCode.BadRequest);

        Assert.Equal(atLimit, saved.GetProperty(field).GetString());
        Assert.Equal([$"profile.{field}:TOO_LONG"], tooLong.FieldErrors());
    }

    [Theory]
    [InlineData("0000-0002-1825-0097", "0000-0002-1825-0097")]
    [InlineData("0000000218250097", "0000-0002-1825-0097")]
    [InlineData("https://orcid.org/0000-0001-5109-3700", "0000-0001-5109-3700")]
    [InlineData(" 0000-0002-1694-233x ", "0000-0002-1694-233X")]
    public async Task An_orcid_is_checked_by_its_iso_7064_digit_and_stored_bare(string given, string stored)
    {
        var client = await AuthClient.SignedInAsAsync(Api, "user");

        var profile = Profile(await (await client.PatchAsync(Path, new { profile = new { orcid = given } })).ShouldBe(HttpStatusCode.OK));

        Assert.Equal(stored, profile.GetProperty("orcid").GetString());
    }

    [Fact]
    public async Task A_foreign_origin_gets_403()
    {
        var client = await AuthClient.SignedInAsAsync(Api, "user");
        client.Origin = "https://evil.example";
        var body = await (await client.PatchAsync(Path, new { name = "X" })).ShouldBe(HttpStatusCode.Forbidden);
        Assert.Equal("INVALID_ORIGIN", body.GetProperty("code").GetString());
    }
}
