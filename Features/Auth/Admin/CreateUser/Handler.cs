using Waitlist.Features.Auth.Passwords;

namespace Waitlist.Features.Auth.Admin.CreateUser;

/// <summary>An account made by an admin — typically staff who sign in by username. No session is created for it.</summary>
internal sealed class Handler(AuthStore store, IPasswordHasher passwords) : IHandler
{
    public async Task<Results<Ok<UserResponse>, ErrorResult>> HandleAsync(Request request, CancellationToken cancellationToken)
    {
        var username = request.ChosenUsername();
        var created = await store.CreateUserAsync(new NewUser(request.Name!.Trim(), request.Email!, null, username,
            request.Data?.DisplayUsername ?? username, request.Role ?? AuthRoles.User, passwords.Hash(request.Password!)), cancellationToken);
        return created.Conflict switch
        {
            UserConflict.None => TypedResults.Ok(new UserResponse(created.User!)),
            UserConflict.Username => ErrorResponses.Result(AuthTexts.UsernameTaken),
            _ => ErrorResponses.Result(AuthTexts.UserAlreadyExistsAdmin),
        };
    }
}
