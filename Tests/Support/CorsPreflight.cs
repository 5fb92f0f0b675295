namespace Waitlist.Tests.Support;

public static class CorsPreflight
{
    /// <summary>What a browser asks <paramref name="api"/> before a cross-origin POST to /api/waitlist from <paramref name="origin"/>.</summary>
    public static Task<HttpResponseMessage> PreflightAsync(this ApiFactory api, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/api/waitlist");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        return api.CreateClient().SendAsync(request);
    }
}
