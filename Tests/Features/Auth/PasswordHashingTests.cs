namespace Waitlist.Tests.Features.Auth;

/// <summary>The production KDF (PBKDF2-HMAC-SHA512), which the other tests' hosts replace with a fast hasher.</summary>
public sealed class PasswordHashingTests : IAsyncLifetime
{
    private ApiFactory _api = null!;

    public async Task InitializeAsync() => _api = await ApiFactory.StartAsync(realPasswordHasher: true);

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Passwords_are_stored_as_self_describing_pbkdf2_hashes()
    {
        var email = AuthClient.UniqueEmail();
        await new AuthClient(_api).SignUpAsync(email);

        await using var db = await _api.OpenDatabaseAsync();
        var hash = await db.ExecuteScalarAsync<string>("SELECT password_hash FROM users WHERE email = @email", new { email });
        Assert.StartsWith("pbkdf2-sha512$210000$", hash);
        Assert.DoesNotContain(AuthClient.Password, hash);
    }

    [Fact]
    public async Task Nfkc_equivalent_passwords_are_the_same_password()
    {
        var email = AuthClient.UniqueEmail();
        await new AuthClient(_api).SignUpAsync(email, password: "ｃｏｎｔｒａｓｅñａ-ﬁ-123");

        var response = await new AuthClient(_api).PostAsync("/api/auth/sign-in/email", new { email, password = "contraseña-fi-123" });

        await response.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_old_weaker_hash_is_upgraded_at_sign_in()
    {
        var email = AuthClient.UniqueEmail();
        await new AuthClient(_api).SignUpAsync(email);
        await using var api = new ApiFactory(_api.ConnectionString, new Dictionary<string, string?> { ["Auth:PasswordIterations"] = "250000" }) { RealPasswordHasher = true };

        await (await new AuthClient(api).PostAsync("/api/auth/sign-in/email", new { email, password = AuthClient.Password })).ShouldBe(HttpStatusCode.OK);

        await using var db = await _api.OpenDatabaseAsync();
        Assert.StartsWith("pbkdf2-sha512$250000$", await db.ExecuteScalarAsync<string>("SELECT password_hash FROM users WHERE email = @email", new { email }));
        await (await new AuthClient(api).PostAsync("/api/auth/sign-in/email", new { email, password = AuthClient.Password })).ShouldBe(HttpStatusCode.OK);
    }
}
