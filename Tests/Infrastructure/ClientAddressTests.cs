namespace Waitlist.Tests.Infrastructure;

/// <summary>
/// Which header names the client (ForwardedHeaders:ClientIpHeader), as rate limits see it. The test client is the
/// trusted loopback proxy; what it sends stands for what a proxy in front of the API would forward.
/// </summary>
public sealed class ClientAddressTests
{
    private static HttpRequestMessage PasswordReset(params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/request-password-reset")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { email = "nadie@example.com" }),
        };
        foreach (var (name, value) in headers)
            request.Headers.Add(name, value);
        return request;
    }

    [Fact]
    public async Task Behind_a_proxy_that_sets_x_real_ip_a_client_cannot_pick_its_own_address_with_x_forwarded_for()
    {
        await using var api = await ApiFactory.StartAsync(new Dictionary<string, string?> { ["ForwardedHeaders:ClientIpHeader"] = "X-Real-IP" });
        var client = api.CreateClient();
        var realIp = TestIps.Unique();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
            statuses.Add((await client.SendAsync(PasswordReset(("X-Real-IP", realIp), ("X-Forwarded-For", TestIps.Unique())))).StatusCode);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task By_default_x_real_ip_is_ignored()
    {
        await using var api = await ApiFactory.StartAsync();
        var client = api.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
            statuses.Add((await client.SendAsync(PasswordReset(("X-Real-IP", TestIps.Unique())))).StatusCode);

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task X_forwarded_for_names_the_rightmost_address_the_trusted_proxy_added()
    {
        await using var api = await ApiFactory.StartAsync();
        var client = api.CreateClient();
        var realIp = TestIps.Unique();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
            statuses.Add((await client.SendAsync(PasswordReset(("X-Forwarded-For", $"{TestIps.Unique()}, {realIp}")))).StatusCode);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task An_unknown_client_ip_header_stops_start_up_with_a_message_that_names_the_setting()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var api = await ApiFactory.StartAsync(new Dictionary<string, string?> { ["ForwardedHeaders:ClientIpHeader"] = "X-Client" });
        });

        Assert.Contains("ForwardedHeaders:ClientIpHeader must be X-Forwarded-For or X-Real-IP", error.ToString());
    }
}
