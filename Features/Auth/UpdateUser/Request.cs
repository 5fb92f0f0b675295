namespace Waitlist.Features.Auth.UpdateUser;

/// <param name="Email">Never accepted: Better Auth changes emails through a verified flow, not here.</param>
internal sealed record Request(string? Name, string? Image, string? Username, string? DisplayUsername, string? Email);

internal sealed class Validator : AbstractValidator<Request>
{
    public Validator()
    {
        RuleFor(r => r.Name).OptionalText("name");
        RuleFor(r => r.Image).OptionalText("image", AuthRules.MaxUrlLength);
        RuleFor(r => r.DisplayUsername).OptionalText("displayUsername");
        RuleFor(r => r.Username).Username();
    }
}
