using Microsoft.IdentityModel.Tokens;

namespace Waitlist.Features.Auth.Tokens.Jwks;

/// <summary>The published signing keys, for services that verify access tokens offline; cacheable for a few minutes.</summary>
internal sealed class Handler(SigningKeys keys) : IHandler
{
    public async Task<Ok<Response>> HandleAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var published = await keys.PublishedAsync(cancellationToken);
        context.Response.Headers.CacheControl = $"public, max-age={(int)SigningKeys.JwksMaxAge.TotalSeconds}";
        return TypedResults.Ok(new Response([.. published.Select(key =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromECDsaSecurityKey(key.PublicKey);
            return new PublicKey(jwk.Kty, jwk.Crv, jwk.X, jwk.Y, key.Id, SecurityAlgorithms.EcdsaSha256, JsonWebKeyUseNames.Sig);
        })]));
    }
}
