namespace Waitlist.Features.Auth.AdminViews.ViewApiKey;

internal sealed class Handler(AuthStore store) : IHandler
{
    public async Task<Results<Ok<AdminApiKey>, ErrorResult>> HandleAsync(string id, CancellationToken cancellationToken) =>
        await store.FindOwnedApiKeyAsync(id, cancellationToken) is { } key ? TypedResults.Ok(AdminApiKey.From(key)) : ErrorResponses.Result(AuthTexts.ApiKeyNotFoundAdmin);
}
