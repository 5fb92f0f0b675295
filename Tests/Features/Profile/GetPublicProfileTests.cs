namespace Waitlist.Tests.Features.Profile;

public sealed class GetPublicProfileTests(ApiFixture fixture) : ApiTests<ApiFixture>(fixture)
{
    private async Task<string> PersonAsync()
    {
        var person = new AuthClient(Api);
        var id = (await person.SignUpAsync()).GetProperty("user").GetProperty("id").GetString()!;
        await (await person.PatchAsync("/api/user/me", new
        {
            image = "https://cdn.example.com/ana.png",
            profile = new { type = "professional", field = "Genómica", headline = "Secuenciación", links = new[] { "https://lab.example.com" }, orcid = "0000-0002-1825-0097", emailDigest = false },
        })).ShouldBe(HttpStatusCode.OK);
        return id;
    }

    [Fact]
    public async Task Signed_in_users_see_name_image_and_profile_but_never_the_email_or_the_digest_choice()
    {
        var id = await PersonAsync();
        var viewer = await AuthClient.SignedInAsAsync(Api, "user");

        var body = await (await viewer.GetAsync($"/api/profiles/{id}")).ShouldBe(HttpStatusCode.OK);

        var user = body.GetProperty("user");
        Assert.Equal(["id", "image", "name", "profile"], user.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal((id, "Ana Pérez", "https://cdn.example.com/ana.png"), (user.GetProperty("id").GetString(), user.GetProperty("name").GetString(), user.GetProperty("image").GetString()));
        var profile = user.GetProperty("profile");
        Assert.Equal(["bio", "company", "field", "headline", "links", "location", "orcid", "type"], profile.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(("Genómica", "0000-0002-1825-0097"), (profile.GetProperty("field").GetString(), profile.GetProperty("orcid").GetString()));
        Assert.DoesNotContain("@example.com", body.ToString());
    }

    [Fact]
    public async Task A_banned_person_has_no_public_profile_just_as_an_unknown_id()
    {
        var id = await PersonAsync();
        var admin = await AuthClient.SignedInAsAsync(Api, "admin");
        await (await admin.PatchAsync($"/api/admin/users/{id}", new { banned = true })).ShouldBe(HttpStatusCode.OK);
        var viewer = await AuthClient.SignedInAsAsync(Api, "user");

        var banned = await (await viewer.GetAsync($"/api/profiles/{id}")).ShouldBe(HttpStatusCode.NotFound);
        var unknown = await (await viewer.GetAsync("/api/profiles/AbCdEfGhIjKlMnOpQrStUvWxYz012345")).ShouldBe(HttpStatusCode.NotFound);

        Assert.Equal("PROFILE_NOT_FOUND", banned.GetProperty("code").GetString());
        Assert.Equal(unknown.GetRawText(), banned.GetRawText());
    }
}
