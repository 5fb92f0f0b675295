namespace Waitlist.Features.Auth.UpdateUser;

internal sealed class Handler(AuthStore store) : IHandler
{
    public async Task<Results<Ok<StatusResponse>, ErrorResult>> HandleAsync(Request request, HttpContext context, CancellationToken cancellationToken)
    {
        if (request.Email is not null)
            return ErrorResponses.Result(AuthTexts.EmailCannotBeUpdated);
        if (request is { Name: null, Image: null, Username: null, DisplayUsername: null })
            return ErrorResponses.Result(AuthTexts.NoFieldsToUpdate);

        var updated = await store.UpdateProfileAsync(context.RequiredSession().User.Id, request.Name?.Trim(), request.Image,
            request.Username, request.DisplayUsername ?? request.Username, cancellationToken);
        return updated ? TypedResults.Ok(new StatusResponse(true)) : ErrorResponses.Result(AuthTexts.UsernameTaken);
    }
}
