using System.Security.Cryptography;

namespace Waitlist.Features.Cron.RunJobs;

/// <summary>
/// Lets a call through only with <c>Authorization: Bearer &lt;Cron:Secret&gt;</c>. The comparison is over
/// SHA-256 digests in constant time, so neither the secret's content nor its length leaks through timing.
/// Without a configured secret every call is refused: the endpoint fails closed.
/// </summary>
internal sealed class CronSecretFilter(CronSettings settings) : IEndpointFilter
{
    private readonly byte[]? _expected = string.IsNullOrWhiteSpace(settings.Secret) ? null : Digest(settings.Secret.Trim());

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (IsAuthorized(context.HttpContext.Request.Headers.Authorization.ToString()))
            return await next(context);

        context.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
        return ErrorResponses.Result(CronTexts.Unauthorized);
    }

    private bool IsAuthorized(string header)
    {
        const string scheme = "Bearer ";
        if (_expected is null || !header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            return false;
        var token = header[scheme.Length..].Trim();
        return token.Length > 0 && CryptographicOperations.FixedTimeEquals(Digest(token), _expected);
    }

    private static byte[] Digest(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));
}
