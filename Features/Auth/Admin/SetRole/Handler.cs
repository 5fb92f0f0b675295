using Microsoft.AspNetCore.Http.HttpResults;
using Waitlist.Infrastructure.Endpoints;
using Waitlist.Infrastructure.Errors;

namespace Waitlist.Features.Auth.Admin.SetRole;

internal sealed class Handler(AuthStore store) : IHandler
{
    public async Task<Results<Ok<UserResponse>, ErrorResult>> HandleAsync(Request request, CancellationToken cancellationToken) =>
        await store.SetRoleAsync(request.UserId!, request.Role!, cancellationToken) is { } user
            ? TypedResults.Ok(new UserResponse(user))
            : ErrorResponses.Result(AuthTexts.UserNotFound);
}
