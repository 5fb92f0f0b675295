namespace Waitlist.Features.Auth.Tokens.Jwks;

/// <summary>A JSON Web Key Set (RFC 7517) of the keys that sign access tokens.</summary>
internal sealed record Response(IReadOnlyList<PublicKey> Keys);

/// <summary>An EC P-256 public key as a JWK: what a verifier needs, and nothing private.</summary>
internal sealed record PublicKey(string Kty, string Crv, string X, string Y, string Kid, string Alg, string Use);
