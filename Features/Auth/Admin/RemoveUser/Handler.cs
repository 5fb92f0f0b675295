using Microsoft.AspNetCore.Http.HttpResults;
using Waitlist.Infrastructure.Endpoints;
using Waitlist.Infrastructure.Errors;

namespace Waitlist.Features.Auth.Admin.RemoveUser;

/// <summary>Deletes the user; their sessions and tokens go with the row.</summary>
internal sealed class Handler(AuthStore store) : IHandler
{
    public async Task<Results<Ok<SuccessResponse>, ErrorResult>> HandleAsync(UserIdRequest request, HttpContext context, CancellationToken cancellationToken)
    {
        if (request.UserId == context.RequiredSession().User.Id)
            return ErrorResponses.Result(AuthTexts.CannotRemoveYourself);
        return await store.DeleteUserAsync(request.UserId!, cancellationToken)
            ? TypedResults.Ok(new SuccessResponse(true))
            : ErrorResponses.Result(AuthTexts.UserNotFound);
    }
}
