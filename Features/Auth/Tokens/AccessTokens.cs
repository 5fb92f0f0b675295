using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Waitlist.Features.Auth.Tokens;

internal sealed record IssuedAccessToken(string Token, DateTimeOffset ExpiresAt);

/// <summary>The access token the request authenticated with (a feature set by <see cref="AccessTokenEvents"/>), for logout to revoke.</summary>
internal sealed record CurrentAccessToken(string Jti, DateTimeOffset ExpiresAt);

/// <summary>
/// Access tokens: JWTs (<c>typ: at+jwt</c>, RFC 9068) signed ES256 by <see cref="SigningKeys"/>, an hour long, with the
/// claims <c>sub</c>, <c>email</c>, <c>role</c>, <c>iat</c>, <c>exp</c>, <c>iss</c> and <c>aud</c> (both the API's
/// public origin, <c>Auth:BaseUrl</c>) and <c>jti</c>. Issued with <see cref="JsonWebTokenHandler"/>; validated by the
/// JwtBearer scheme this class configures, which reads the published keys through <see cref="PublishedKeys"/>.
/// </summary>
internal sealed class AccessTokens(SigningKeys keys, AuthOptions auth, TimeProvider time)
{
    public const string TokenType = "at+jwt";

    /// <summary>The instances share one database clock, and other services verifying offline bring their own leeway.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public async Task<IssuedAccessToken> IssueAsync(AuthUser user, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var expiresAt = now + TokenOptions.AccessTokenLifetime;
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            TokenType = TokenType,
            Issuer = auth.PublicOrigin,
            Audience = auth.PublicOrigin,
            IssuedAt = now.UtcDateTime,
            Expires = expiresAt.UtcDateTime,
            Claims = new Dictionary<string, object>
            {
                [JwtRegisteredClaimNames.Sub] = user.Id,
                [JwtRegisteredClaimNames.Email] = user.Email,
                ["role"] = user.Role,
                [JwtRegisteredClaimNames.Jti] = AuthIds.New(),
            },
            SigningCredentials = await keys.SignerAsync(cancellationToken),
        });
        return new IssuedAccessToken(token, expiresAt);
    }

    /// <summary>The access-token scheme: the signature by a published key, issuer, audience, type, algorithm and lifetime.</summary>
    public void Configure(JwtBearerOptions options)
    {
        options.MapInboundClaims = false;
        options.ConfigurationManager = new PublishedKeys(keys, auth.PublicOrigin);
        options.RefreshOnIssuerKeyNotFound = true;
        options.EventsType = typeof(AccessTokenEvents);
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = auth.PublicOrigin,
            ValidAudience = auth.PublicOrigin,
            ValidTypes = [TokenType],
            ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ClockSkew = ClockSkew,
            LifetimeValidator = ValidateLifetime,
        };
    }

    /// <summary>The library's lifetime rule, told the time by the API's clock (a test moves it) rather than the machine's.</summary>
    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (expires is not { } expiry)
            throw new SecurityTokenNoExpirationException("The token has no expiry.");
        if (expiry < now - parameters.ClockSkew)
            throw new SecurityTokenExpiredException("The token has expired.") { Expires = expiry };
        if (notBefore > now + parameters.ClockSkew)
            throw new SecurityTokenNotYetValidException("The token is not valid yet.") { NotBefore = notBefore.Value };
        return true;
    }

    /// <summary>
    /// JwtBearer's source of keys, read from <see cref="SigningKeys"/> rather than from an OpenID provider's metadata: a
    /// token naming an unknown key makes the scheme ask for a refresh, which reads the keys again.
    /// </summary>
    private sealed class PublishedKeys(SigningKeys keys, string issuer) : IConfigurationManager<OpenIdConnectConfiguration>
    {
        public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(CancellationToken cancel)
        {
            var configuration = new OpenIdConnectConfiguration { Issuer = issuer };
            foreach (var key in await keys.PublishedAsync(cancel))
                configuration.SigningKeys.Add(key.PublicKey);
            return configuration;
        }

        public void RequestRefresh() => keys.RequestReload();
    }
}
