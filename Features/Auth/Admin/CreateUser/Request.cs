namespace Waitlist.Features.Auth.Admin.CreateUser;

/// <param name="Data">Extra user fields, as the admin plugin sends them: <c>username</c>, <c>displayUsername</c>.</param>
internal sealed record Request(string? Email, string? Password, string? Name, string? Role, string? Username, ExtraData? Data)
{
    /// <summary>The username, given at the top level or in <c>data</c>.</summary>
    public string? ChosenUsername() => Username ?? Data?.Username;
}

internal sealed record ExtraData(string? Username, string? DisplayUsername);

internal sealed class Validator : AbstractValidator<Request>
{
    public Validator()
    {
        RuleFor(r => r.Email).Email(AuthTexts.ValidationError, AuthTexts.InvalidEmailField("email"));
        RuleFor(r => r.Password).Password("password");
        RuleFor(r => r.Name).Name("name");
        RuleFor(r => r.Role).Role();
        RuleFor(r => r.ChosenUsername()).Username().OverridePropertyName("username");
        RuleFor(r => r.Data == null ? null : r.Data.DisplayUsername).OptionalText("displayUsername").OverridePropertyName("displayUsername");
    }
}
