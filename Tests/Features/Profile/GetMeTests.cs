using Waitlist.Tests.Features.Waitlist;

namespace Waitlist.Tests.Features.Profile;

public sealed class GetMeTests(ApiFixture fixture) : ApiTests<ApiFixture>(fixture)
{
    [Fact]
    public async Task It_answers_the_account_and_a_default_profile()
    {
        var client = new AuthClient(Api);
        var email = AuthClient.UniqueEmail();
        var signUp = await client.SignUpAsync(email);

        var body = await (await client.GetAsync("/api/user/me")).ShouldBe(HttpStatusCode.OK);

        var user = body.GetProperty("user");
        Assert.Equal(signUp.GetProperty("user").GetProperty("id").GetString(), user.GetProperty("id").GetString());
        Assert.Equal(("Ana Pérez", email, "user", false), (user.GetProperty("name").GetString(), user.GetProperty("email").GetString(),
            user.GetProperty("role").GetString(), user.GetProperty("emailVerified").GetBoolean()));
        Assert.True(user.TryGetProperty("createdAt", out _));
        Assert.Equal(JsonValueKind.Null, user.GetProperty("image").ValueKind);
        var profile = user.GetProperty("profile");
        foreach (var field in new[] { "type", "field", "company", "headline", "bio", "location", "orcid" })
            Assert.Equal(JsonValueKind.Null, profile.GetProperty(field).ValueKind);
        Assert.Equal(0, profile.GetProperty("links").GetArrayLength());
        Assert.True(profile.GetProperty("emailDigest").GetBoolean());
    }

    [Fact]
    public async Task Type_field_and_company_come_from_the_waitlist_entry_of_the_address_in_any_letter_case()
    {
        var email = AuthClient.UniqueEmail("apuntada");
        await (await Api.ClientFrom(TestIps.Unique()).PostJsonAsync("/api/waitlist",
            new { email = email.ToUpperInvariant(), type = "professional", name = "Ana Pérez", field = "Biología molecular", company = "Laboratorio Sur" })).ShouldBe(HttpStatusCode.Created);
        await Api.ConfirmAsync(email);
        var client = new AuthClient(Api);
        await client.SignUpAsync(email);

        var profile = (await (await client.GetAsync("/api/user/me")).ShouldBe(HttpStatusCode.OK)).GetProperty("user").GetProperty("profile");

        Assert.Equal(("professional", "Biología molecular", "Laboratorio Sur"),
            (profile.GetProperty("type").GetString(), profile.GetProperty("field").GetString(), profile.GetProperty("company").GetString()));
    }

    [Fact]
    public async Task An_unconfirmed_waitlist_entry_prefills_nothing()
    {
        // Anyone can type an address into the form; only its owner can confirm it.
        var email = AuthClient.UniqueEmail("sin-confirmar");
        await (await Api.ClientFrom(TestIps.Unique()).PostJsonAsync("/api/waitlist",
            new { email, type = "empresa", name = "Otra Persona", company = "Empresa Ajena" })).ShouldBe(HttpStatusCode.Created);
        var client = new AuthClient(Api);
        await client.SignUpAsync(email);

        var profile = (await (await client.GetAsync("/api/user/me")).ShouldBe(HttpStatusCode.OK)).GetProperty("user").GetProperty("profile");

        Assert.Equal(JsonValueKind.Null, profile.GetProperty("company").ValueKind);
    }

    [Fact]
    public async Task A_signed_out_sessions_cookie_gets_401()
    {
        var client = await AuthClient.SignedInAsAsync(Api, "user");
        var signedOutCookie = client.SessionCookie!;
        await (await client.PostAsync("/api/auth/sign-out")).ShouldBe(HttpStatusCode.OK);
        client.Cookies["better-auth.session_token"] = signedOutCookie;
        await (await client.GetAsync("/api/user/me")).ShouldBe(HttpStatusCode.Unauthorized);
    }
}
