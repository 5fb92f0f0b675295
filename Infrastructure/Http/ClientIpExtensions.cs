using System.Net;

namespace Waitlist.Infrastructure.Http;

public static class ClientIpExtensions
{
    /// <summary>The client's address after the forwarded-headers middleware: a trusted proxy's X-Forwarded-For, else the peer.</summary>
    public static string ClientIp(this HttpContext context) => context.Connection.RemoteIpAddress switch
    {
        null => "unknown",
        { IsIPv4MappedToIPv6: true } mapped => mapped.MapToIPv4().ToString(),
        IPAddress address => address.ToString(),
    };
}
