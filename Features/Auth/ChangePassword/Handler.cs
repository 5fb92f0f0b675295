using Waitlist.Features.Auth.Passwords;
using Waitlist.Features.Auth.Sessions;

namespace Waitlist.Features.Auth.ChangePassword;

/// <summary>Checks the current password, stores the new one; with revokeOtherSessions every session and token login ends and a new session starts.</summary>
internal sealed class Handler(DbScope db, AuthStore store, IPasswordHasher passwords, SessionIssuer sessions) : IHandler
{
    public async Task<Results<Ok<Response>, ErrorResult>> HandleAsync(Request request, HttpContext context, CancellationToken cancellationToken)
    {
        var current = context.RequiredSession();
        if (!passwords.Verify(request.CurrentPassword!, await store.PasswordHashAsync(current.User.Id, cancellationToken)))
            return ErrorResponses.Result(AuthTexts.InvalidPassword);

        var hash = passwords.Hash(request.NewPassword!);
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        var user = await store.SetPasswordAsync(current.User.Id, hash, cancellationToken);
        string? token = null;
        if (request.RevokeOtherSessions == true)
        {
            await store.DeleteSessionsAsync(user.Id, keepSessionId: null, cancellationToken);
            await store.RevokeRefreshTokensOfAsync(user.Id, cancellationToken);
            token = await sessions.OpenAsync(context, user.Id, current.Session.RememberMe, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(new Response(token, user));
    }
}
