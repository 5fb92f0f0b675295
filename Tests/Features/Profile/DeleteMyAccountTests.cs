namespace Waitlist.Tests.Features.Profile;

public sealed class DeleteMyAccountTests(ApiFixture fixture) : ApiTests<ApiFixture>(fixture)
{
    private const string Path = "/api/user/me";

    /// <summary>Someone with a bit of everything: a waitlist entry, an account with two sessions, a profile, an avatar, queued emails.</summary>
    private async Task<(AuthClient Client, string Id, string Email)> PersonWithEverythingAsync()
    {
        var email = AuthClient.UniqueEmail("borrar");
        await (await Api.ClientFrom(TestIps.Unique()).PostJsonAsync("/api/waitlist",
            new { email, type = "professional", name = "Ana Pérez", field = "Física" })).ShouldBe(HttpStatusCode.Created);
        var client = new AuthClient(Api);
        var id = (await client.SignUpAsync(email)).GetProperty("user").GetProperty("id").GetString()!;
        await (await new AuthClient(Api).PostAsync("/api/auth/sign-in/email", new { email, password = AuthClient.Password })).ShouldBe(HttpStatusCode.OK);
        await (await client.PatchAsync(Path, new { profile = new { headline = "Óptica cuántica", bio = "Mi biografía" } })).ShouldBe(HttpStatusCode.OK);
        await (await UploadAvatarTests.UploadAsync(client, UploadAvatarTests.RedSquareOnTransparentPng(), "image/png")).ShouldBe(HttpStatusCode.OK);
        await (await client.PostAsync("/api/auth/request-password-reset", new { email, redirectTo = "/nueva-clave" })).ShouldBe(HttpStatusCode.OK);
        await Api.ComposedAsync();
        return (client, id, email);
    }

    [Fact]
    public async Task With_the_password_everything_goes_and_only_the_confirmation_email_names_the_address()
    {
        var (client, id, email) = await PersonWithEverythingAsync();
        var other = await AuthClient.SignedInAsAsync(Api, "user");
        var otherId = await other.UserIdAsync();
        await using var db = await Api.OpenDatabaseAsync();
        Assert.Contains(await PersonalDataFootprint.FindAsync(db, id), place => place.StartsWith("profile_avatars."));
        // A session of someone else that names this person (an impersonation) must stay, without naming them.
        await db.ExecuteAsync("UPDATE sessions SET impersonated_by = @id WHERE user_id = @otherId", new { id, otherId });

        var response = await client.DeleteAsync(Path, new { password = AuthClient.Password });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await PersonalDataFootprint.FindAsync(db, id));
        Assert.Equal(["email_outbox.to_address:1"], await PersonalDataFootprint.FindAsync(db, email));
        var confirmation = await db.QuerySingleAsync<(string Subject, string Body)>(
            "SELECT subject, text_body FROM email_outbox WHERE to_address = @email", new { email });
        Assert.Equal("Tu cuenta se ha eliminado", confirmation.Subject);
        Assert.Contains("Hola, Ana Pérez:", confirmation.Body);
        Assert.Equal(1, await db.ExecuteScalarAsync<long>("SELECT count(*) FROM sessions WHERE impersonated_by IS NULL AND user_id = @otherId", new { otherId }));
        await (await client.GetAsync(Path)).ShouldBe(HttpStatusCode.Unauthorized);
        await (await other.GetAsync(Path)).ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData(null, "PASSWORD_REQUIRED")]
    [InlineData("", "PASSWORD_REQUIRED")]
    [InlineData("Otra-clave-cualquiera", "INVALID_PASSWORD")]
    public async Task Without_the_right_password_nothing_is_erased(string? password, string code)
    {
        var (client, id, _) = await PersonWithEverythingAsync();
        await using var db = await Api.OpenDatabaseAsync();
        var before = await PersonalDataFootprint.FindAsync(db, id);

        var body = await (await client.DeleteAsync(Path, password is null ? null : new { password })).ShouldBe(HttpStatusCode.BadRequest);

        Assert.Equal(code, body.GetProperty("code").GetString());
        Assert.Equal(before, await PersonalDataFootprint.FindAsync(db, id));
    }

    [Fact]
    public async Task An_account_without_a_password_needs_a_session_from_the_last_15_minutes()
    {
        var client = await AuthClient.SignedInAsAsync(Api, "user");
        var id = await client.UserIdAsync();
        await using var db = await Api.OpenDatabaseAsync();
        await db.ExecuteAsync("UPDATE users SET password_hash = NULL WHERE id = @id", new { id });
        await db.ExecuteAsync("UPDATE sessions SET created_at = now() - interval '16 minutes' WHERE user_id = @id", new { id });
        await Api.ChangedByHandAsync(db, id);

        var stale = await (await client.DeleteAsync(Path)).ShouldBe(HttpStatusCode.Forbidden);
        Assert.Equal("SESSION_NOT_FRESH", stale.GetProperty("code").GetString());

        await db.ExecuteAsync("UPDATE sessions SET created_at = now() - interval '14 minutes' WHERE user_id = @id", new { id });
        await Api.ChangedByHandAsync(db, id);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync(Path)).StatusCode);
        Assert.Empty(await PersonalDataFootprint.FindAsync(db, id));
    }

    [Fact]
    public async Task The_last_active_admin_cannot_leave_until_there_is_another()
    {
        await using var api = await ApiFactory.StartAsync();
        var admin = await AuthClient.SignedInAsAsync(api, "admin");
        var bannedAdmin = await (await AuthClient.SignedInAsAsync(api, "admin")).UserIdAsync();
        await using var db = await api.OpenDatabaseAsync();
        await db.ExecuteAsync("UPDATE users SET banned = true WHERE id = @bannedAdmin", new { bannedAdmin });

        var body = await (await admin.DeleteAsync(Path, new { password = AuthClient.Password })).ShouldBe(HttpStatusCode.Conflict);
        Assert.Equal("LAST_ADMIN", body.GetProperty("code").GetString());

        await AuthClient.SignedInAsAsync(api, "admin");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(Path, new { password = AuthClient.Password })).StatusCode);
    }
}
