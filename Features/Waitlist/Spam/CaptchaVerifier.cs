using System.Net.Http.Json;

namespace Waitlist.Features.Waitlist.Spam;

/// <summary>
/// Asks the configured captcha provider (Cloudflare Turnstile or hCaptcha: the same siteverify form post and answer)
/// whether a form's token is a person's. The provider being down or slow must not close the waitlist: an outage, a
/// timeout, an answer that cannot be read, or a provider that refuses our own secret lets the post through, with a
/// warning in the log. Only the provider's "this token is not valid" refuses it.
/// </summary>
internal sealed class CaptchaVerifier(IHttpClientFactory clients, WaitlistSettings settings, ILogger<CaptchaVerifier> logger)
{
    public const string HttpClientName = "captcha";

    // Our configuration's fault, not the visitor's: refusing every visitor for it would close the list.
    private static readonly HashSet<string> ConfigurationErrors = ["missing-input-secret", "invalid-input-secret", "sitekey-secret-mismatch"];

    public async Task<bool> IsHumanAsync(string? token, string clientIp, CancellationToken cancellationToken)
    {
        var captcha = settings.Captcha;
        if (!captcha.Enabled)
            return true;
        if (string.IsNullOrWhiteSpace(token) || token.Length > 4096)
            return false;

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(captcha.TimeoutSeconds));
        try
        {
            var form = new FormUrlEncodedContent([new("secret", captcha.Secret), new("response", token), new("remoteip", clientIp)]);
            using var response = await clients.CreateClient(HttpClientName).PostAsync(captcha.EffectiveVerifyUrl, form, timeout.Token);
            if (!response.IsSuccessStatusCode)
                return LetThrough($"it answered {(int)response.StatusCode}");
            var verdict = await response.Content.ReadFromJsonAsync<Verdict>(timeout.Token);
            if (verdict is null)
                return LetThrough("its answer was empty");
            if (!verdict.Success && verdict.ErrorCodes?.FirstOrDefault(ConfigurationErrors.Contains) is { } configurationError)
                return LetThrough($"it refused this API's configuration ({configurationError}); check Waitlist:Captcha:Secret");
            return verdict.Success;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return LetThrough($"it did not answer within {captcha.TimeoutSeconds} s");
        }
        catch (Exception exception) when (exception is HttpRequestException or System.Text.Json.JsonException or NotSupportedException)
        {
            return LetThrough(exception.Message);
        }
    }

    private bool LetThrough(string reason)
    {
        logger.LogWarning("Captcha provider {Provider} could not verify a waitlist post ({Reason}); letting it through", settings.Captcha.Provider, reason);
        return true;
    }

    private sealed record Verdict(
        [property: JsonPropertyName("success")] bool Success,
        [property: JsonPropertyName("error-codes")] string[]? ErrorCodes);
}
