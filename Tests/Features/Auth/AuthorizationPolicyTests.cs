using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Waitlist.Features.Auth;

namespace Waitlist.Tests.Features.Auth;

/// <summary>
/// What another feature gets from Infrastructure/Auth: probe endpoints under /api/probe behind
/// RequireAuthorization() and the role policies answer 401/403 in the contract's Spanish shape, and see the caller.
/// </summary>
public sealed class AuthorizationPolicyTests : IAsyncLifetime
{
    private ApiFactory _api = null!;

    public async Task InitializeAsync()
    {
        _api = new ApiFactory(await TestPostgres.CreateDatabaseAsync())
        {
            ConfigureTestServices = services => services.AddTransient<IStartupFilter, ProbeEndpoints>(),
        };
        _api.StartServer();
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private sealed class ProbeEndpoints : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Map("/api/probe", probe =>
            {
                probe.UseRouting();
                probe.UseAuthentication();
                probe.UseAuthorization();
                probe.UseEndpoints(endpoints =>
                {
                    endpoints.MapGet("/signed-in", (HttpContext c) => new { userId = c.User.UserId(), role = c.User.Role(), email = c.CurrentSession()!.User.Email }).RequireAuthorization();
                    endpoints.MapGet("/staff", () => "staff").RequireAuthorization(AuthPolicies.Staff);
                    endpoints.MapGet("/admin", () => "admin").RequireAuthorization(AuthPolicies.Admin);
                });
            });
            next(app);
        };
    }

    [Fact]
    public async Task Without_a_session_it_is_a_spanish_401()
    {
        var body = await (await new AuthClient(_api).GetAsync("/api/probe/signed-in")).ShouldBe(HttpStatusCode.Unauthorized);

        Assert.Equal("""{"error":"Necesitas iniciar sesión.","code":"UNAUTHORIZED"}""", body.GetRawText());
    }

    [Fact]
    public async Task A_session_identifies_the_caller()
    {
        var client = await AuthClient.SignedInAsAsync(_api, "user");

        var body = await (await client.GetAsync("/api/probe/signed-in")).ShouldBe(HttpStatusCode.OK);

        Assert.Equal("user", body.GetProperty("role").GetString());
        Assert.Equal(32, body.GetProperty("userId").GetString()!.Length);
        Assert.EndsWith("@example.com", body.GetProperty("email").GetString());
    }

    [Theory]
    [InlineData("user", HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)]
    [InlineData("staff", HttpStatusCode.OK, HttpStatusCode.Forbidden)]
    [InlineData("admin", HttpStatusCode.OK, HttpStatusCode.OK)]
    public async Task Role_policies_nest(string role, HttpStatusCode staff, HttpStatusCode admin)
    {
        var client = await AuthClient.SignedInAsAsync(_api, role);

        var staffResponse = await client.GetAsync("/api/probe/staff");
        var adminResponse = await client.GetAsync("/api/probe/admin");

        Assert.Equal(staff, staffResponse.StatusCode);
        Assert.Equal(admin, adminResponse.StatusCode);
        if (admin == HttpStatusCode.Forbidden)
            Assert.Equal("""{"error":"No tienes permiso para hacer esto.","code":"FORBIDDEN"}""", await adminResponse.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_role_change_applies_on_the_next_request()
    {
        var client = await AuthClient.SignedInAsAsync(_api, "user");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/probe/admin")).StatusCode);
        var userId = (await (await client.GetAsync("/api/auth/get-session")).ShouldBe(HttpStatusCode.OK)).GetProperty("user").GetProperty("id").GetString();

        // The session (and its user's role) is in the session cache by now: the change must evict it.
        var admin = await AuthClient.SignedInAsAsync(_api, "admin");
        await (await admin.PostAsync("/api/auth/admin/set-role", new { userId, role = "admin" })).ShouldBe(HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/probe/admin")).StatusCode);
    }
}
