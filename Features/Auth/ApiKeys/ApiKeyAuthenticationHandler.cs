using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Waitlist.Features.Auth.Callers;

namespace Waitlist.Features.Auth.ApiKeys;

/// <summary>
/// The API-key scheme: the key in <c>x-api-key</c> or <c>Authorization: Bearer</c>, looked up by its SHA-256
/// (<see cref="AuthStore.FindApiKeyCallerAsync"/>). An unknown, disabled or expired key, or one whose owner is banned,
/// authenticates nobody and says why (<see cref="RefusedCredential"/>); a good one makes its owner the caller, with the
/// claims every scheme sets plus the key's id, which the per-key rate limit counts by. Its use is noted at most once a
/// minute (<see cref="ApiKeyUsage"/>).
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions, ILoggerFactory logger, UrlEncoder encoder,
    AuthStore store, ApiKeyUsage usage, TimeProvider time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = Request.Headers[CallerSchemes.ApiKeyHeader].ToString().Trim() is { Length: > 0 } header ? header : CallerSchemes.BearerValue(Request);
        if (string.IsNullOrEmpty(key))
            return AuthenticateResult.NoResult();

        var found = key.Length <= ApiKeySecret.MaxLength
            ? await store.FindApiKeyCallerAsync(AuthIds.Hash(key), caller => RefusalOf(caller) is null, Context.RequestAborted)
            : null;
        if (RefusalOf(found) is { } refusal)
        {
            Context.Features.Set(new RefusedCredential(refusal));
            return AuthenticateResult.Fail(refusal.Code);
        }

        var caller = found!;
        if (usage.ShouldRecord(caller.Key))
            await store.RecordApiKeyUseAsync(caller.Key.Id, Context.RequestAborted);
        Context.Features.Set(caller.User);
        var principal = CallerSchemes.Principal(caller.User, CallerSchemes.ApiKey, new Claim(CallerSchemes.ApiKeyIdClaim, caller.Key.Id));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, CallerSchemes.ApiKey));
    }

    private ErrorKind? RefusalOf(ApiKeyCaller? caller)
    {
        var now = time.GetUtcNow();
        return caller switch
        {
            null => AuthTexts.InvalidApiKey,
            { Key.Enabled: false } => AuthTexts.ApiKeyDisabled,
            _ when caller.Key.HasExpiredAt(now) => AuthTexts.ApiKeyExpired,
            _ when caller.User.IsBannedAt(now.UtcDateTime) => AuthTexts.ApiKeyOwnerBanned,
            _ => null,
        };
    }
}
