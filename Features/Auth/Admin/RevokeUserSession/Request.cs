namespace Waitlist.Features.Auth.Admin.RevokeUserSession;

/// <param name="SessionToken">The session's token, or its id as list-user-sessions shows it.</param>
internal sealed record Request(string? SessionToken);

internal sealed class Validator : AbstractValidator<Request>
{
    public Validator() => RuleFor(r => r.SessionToken).RequiredText("sessionToken");
}
