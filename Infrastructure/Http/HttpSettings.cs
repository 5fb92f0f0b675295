using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Waitlist.Infrastructure.Http;

/// <summary>The <c>Http</c> section.</summary>
public sealed class HttpSettings
{
    /// <summary>JSON bodies never need more; a larger body is a 413. Use cases that take files raise it on their own endpoint.</summary>
    [Range(1024, 64 * 1024 * 1024, ErrorMessage = "Http:MaxRequestBodyBytes must be between 1024 and 67108864.")]
    public long MaxRequestBodyBytes { get; set; } = 64 * 1024;
}

/// <summary>The <c>ForwardedHeaders</c> section: which proxies may name the client, and in which header.</summary>
public sealed class ForwardedHeadersSettings : IValidatableObject
{
    public const string XForwardedFor = "X-Forwarded-For";
    public const string XRealIp = "X-Real-IP";

    /// <summary>Proxies trusted to name the client; loopback when neither this nor <see cref="KnownNetworks"/> is set.</summary>
    public string[] KnownProxies { get; set; } = [];

    public string[] KnownNetworks { get; set; } = [];

    /// <summary>
    /// The one header that carries the client's address: <c>X-Forwarded-For</c> (its rightmost untrusted hop) or
    /// <c>X-Real-IP</c> (for a proxy that sets only that one). The other header is ignored, so a client cannot
    /// choose its own address by sending the header the proxy leaves alone.
    /// </summary>
    public string ClientIpHeader { get; set; } = XForwardedFor;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!ClientIpHeader.Equals(XForwardedFor, StringComparison.OrdinalIgnoreCase) && !ClientIpHeader.Equals(XRealIp, StringComparison.OrdinalIgnoreCase))
            yield return new ValidationResult($"ForwardedHeaders:ClientIpHeader must be {XForwardedFor} or {XRealIp}, not '{ClientIpHeader}'.");
        foreach (var proxy in KnownProxies.Where(p => !IPAddress.TryParse(p, out _)))
            yield return new ValidationResult($"ForwardedHeaders:KnownProxies: '{proxy}' is not an IP address.");
        foreach (var network in KnownNetworks.Where(n => !System.Net.IPNetwork.TryParse(n, out _)))
            yield return new ValidationResult($"ForwardedHeaders:KnownNetworks: '{network}' is not a network in CIDR form (10.0.0.0/8).");
    }
}

/// <summary>The <c>Cors</c> section: origins whose browser scripts may call the API with credentials; none by default.</summary>
public sealed class CorsSettings
{
    public string[] AllowedOrigins { get; set; } = [];
}
