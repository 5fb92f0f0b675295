namespace Waitlist.Tests.Features.Profile;

public sealed class ExportMyDataTests(ApiFixture fixture) : ApiTests<ApiFixture>(fixture)
{
    [Fact]
    public async Task It_is_a_json_file_to_download_with_everything_about_the_caller_and_nothing_secret()
    {
        var email = AuthClient.UniqueEmail("exportar");
        await (await Api.ClientFrom(TestIps.Unique()).PostJsonAsync("/api/waitlist",
            new { email, type = "empresa", name = "Ana Pérez", company = "Reactivos del Sur" })).ShouldBe(HttpStatusCode.Created);
        var client = new AuthClient(Api);
        await client.SignUpAsync(email);
        await (await client.PatchAsync("/api/user/me", new { profile = new { headline = "Compras", emailDigest = false } })).ShouldBe(HttpStatusCode.OK);
        await (await UploadAvatarTests.UploadAsync(client, UploadAvatarTests.RedSquareOnTransparentPng(), "image/png")).ShouldBe(HttpStatusCode.OK);
        await Api.ComposedAsync();
        await AuthClient.SignedInAsAsync(Api, "user"); // someone else, who must not appear

        var response = await client.GetAsync("/api/user/me/export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Matches(@"^mis-datos-\d{4}-\d{2}-\d{2}\.json$", response.Content.Headers.ContentDisposition.FileName);
        Assert.Equal("no-store", response.Header("Cache-Control"));
        var text = await response.Content.ReadAsStringAsync();
        var sections = JsonDocument.Parse(text).RootElement.GetProperty("sections");
        Assert.Equal(["account", "emails", "messages", "profile", "waitlist"], sections.EnumerateObject().Select(s => s.Name));

        var account = sections.GetProperty("account");
        Assert.Equal(email, account.GetProperty("user").GetProperty("email").GetString());
        Assert.True(account.GetProperty("hasPassword").GetBoolean());
        Assert.Equal(1, account.GetProperty("sessions").GetArrayLength());
        Assert.Equal("Compras", sections.GetProperty("profile").GetProperty("profile").GetProperty("headline").GetString());
        var avatar = Convert.FromBase64String(sections.GetProperty("profile").GetProperty("avatar").GetProperty("base64").GetString()!);
        Assert.Equal((256, 256), (Jpeg.Parse(avatar).Width, Jpeg.Parse(avatar).Height));
        Assert.Equal("Reactivos del Sur", sections.GetProperty("waitlist").GetProperty("company").GetString());
        Assert.Contains(sections.GetProperty("emails").EnumerateArray(), e => e.GetProperty("subject").GetString() == "Confirma tu correo electrónico");

        Assert.DoesNotContain(client.SessionToken, text);
        Assert.DoesNotContain("pbkdf2", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("passwordHash", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("tokenHash", text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(CountOf(text, email), CountOf(text, "@example.com")); // nobody else's address
    }

    [Fact]
    public async Task A_person_with_only_an_account_gets_null_sections_for_the_rest()
    {
        var client = await AuthClient.SignedInAsAsync(Api, "user");

        var sections = JsonDocument.Parse(await (await client.GetAsync("/api/user/me/export")).Content.ReadAsStringAsync()).RootElement.GetProperty("sections");

        Assert.Equal(JsonValueKind.Object, sections.GetProperty("account").ValueKind);
        Assert.Equal(JsonValueKind.Null, sections.GetProperty("profile").ValueKind);
        Assert.Equal(JsonValueKind.Null, sections.GetProperty("waitlist").ValueKind);
    }

    private static int CountOf(string text, string value) => text.Split(value).Length - 1;
}
