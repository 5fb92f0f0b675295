namespace Waitlist.Features.Auth.ApiKeys.DeleteApiKey;

/// <summary>Deletes one of the caller's keys; it is refused at its next request on every instance.</summary>
internal sealed class Handler(AuthStore store) : IHandler
{
    public async Task<Results<Ok<SuccessResponse>, ErrorResult>> HandleAsync(Request request, HttpContext context, CancellationToken cancellationToken) =>
        AuthIds.IsWellFormed(request.KeyId!) && await store.DeleteApiKeyOfAsync(context.RequiredUser().Id, request.KeyId!, cancellationToken)
            ? TypedResults.Ok(new SuccessResponse(true))
            : ErrorResponses.Result(AuthTexts.ApiKeyNotFound);
}
