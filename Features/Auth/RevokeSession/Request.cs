namespace Waitlist.Features.Auth.RevokeSession;

/// <param name="Token">A session's token, or its id as list-sessions shows the caller's other sessions.</param>
internal sealed record Request(string? Token);

internal sealed class Validator : AbstractValidator<Request>
{
    public Validator() => RuleFor(r => r.Token).RequiredText("token");
}
