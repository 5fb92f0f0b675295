using Waitlist.Features.Auth.Sessions;

namespace Waitlist.Features.Auth.SignIn;

/// <summary>Sign-in by email or username: the password check (<see cref="PasswordSignIn"/>), then a session.</summary>
internal sealed class Handler(DbScope db, PasswordSignIn signIn, SessionIssuer sessions) : IHandler
{
    public async Task<Results<Ok<SignedInResponse>, ErrorResult>> HandleAsync(Credentials credentials, HttpContext context, CancellationToken cancellationToken)
    {
        var wrong = credentials.By == Login.Email ? AuthTexts.InvalidEmailOrPassword : AuthTexts.InvalidUsernameOrPassword;
        var check = await signIn.CheckAsync(credentials, wrong, cancellationToken);
        if (check.Error is { } error)
            return ErrorResponses.Result(error);

        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        var user = await signIn.CompleteAsync(check, cancellationToken);
        var token = await sessions.OpenAsync(context, user.Id, credentials.RememberMe, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var callbackUrl = credentials.CallbackUrl;
        if (callbackUrl is not null)
            context.Response.Headers.Location = callbackUrl;
        return TypedResults.Ok(new SignedInResponse(callbackUrl is not null, token, callbackUrl, user));
    }
}
