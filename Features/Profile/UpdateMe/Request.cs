using FluentValidation.Results;

namespace Waitlist.Features.Profile.UpdateMe;

/// <summary>
/// A JSON object that remembers which properties it carried: a property sent as null clears a value, one left out
/// keeps it. Whatever else the object held lands in <see cref="Unknown"/>, for the validator to refuse by name.
/// </summary>
public abstract class PartialObject
{
    private readonly HashSet<string> _given = new(StringComparer.Ordinal);

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }

    /// <summary>Whether the body carried <paramref name="property"/> (its C# name), null or not.</summary>
    public bool Has(string property) => _given.Contains(property);

    protected void Given(string property) => _given.Add(property);
}

/// <summary>The account's name and image, and the profile's fields (inside <c>profile</c>), each optional.</summary>
public sealed class Request : PartialObject
{
    public string? Name { get; init { field = value; Given(nameof(Name)); } }

    /// <summary>An https URL, or null to remove the image (an uploaded avatar goes with it).</summary>
    public string? Image { get; init { field = value; Given(nameof(Image)); } }

    public ProfileChanges? Profile { get; init { field = value; Given(nameof(Profile)); } }
}

public sealed class ProfileChanges : PartialObject
{
    public string? Type { get; init { field = value; Given(nameof(Type)); } }
    public string? Field { get; init { field = value; Given(nameof(Field)); } }
    public string? Company { get; init { field = value; Given(nameof(Company)); } }
    public string? Headline { get; init { field = value; Given(nameof(Headline)); } }

    /// <summary>May hold line breaks.</summary>
    public string? Bio { get; init { field = value; Given(nameof(Bio)); } }

    public string? Location { get; init { field = value; Given(nameof(Location)); } }

    /// <summary>Up to 5 https URLs; null or [] removes them all.</summary>
    public string[]? Links { get; init { field = value; Given(nameof(Links)); } }

    /// <summary>e.g. 0000-0002-1825-0097, with or without hyphens, or its https://orcid.org/ URL.</summary>
    public string? Orcid { get; init { field = value; Given(nameof(Orcid)); } }

    public bool? EmailDigest { get; init { field = value; Given(nameof(EmailDigest)); } }

    /// <summary>
    /// <paramref name="current"/> with the changes this object carried, as they are stored (trimmed, blank as null,
    /// the ORCID bare, line breaks as \n), and the JSON names of the fields it changed.
    /// </summary>
    internal (ProfileData Values, IReadOnlySet<string> Changed) ApplyTo(ProfileData current)
    {
        var values = current;
        var changed = new HashSet<string>(StringComparer.Ordinal);
        void Change(string property, Func<ProfileData, ProfileData> apply)
        {
            if (!Has(property))
                return;
            values = apply(values);
            changed.Add(JsonNamingPolicy.CamelCase.ConvertName(property));
        }

        Change(nameof(Type), v => v with { Type = Text(Type) });
        Change(nameof(Field), v => v with { Field = Text(Field) });
        Change(nameof(Company), v => v with { Company = Text(Company) });
        Change(nameof(Headline), v => v with { Headline = Text(Headline) });
        Change(nameof(Bio), v => v with { Bio = Text(Bio?.ReplaceLineEndings("\n")) });
        Change(nameof(Location), v => v with { Location = Text(Location) });
        Change(nameof(Links), v => v with { Links = Links?.Select(link => link.Trim()).ToArray() ?? [] });
        Change(nameof(Orcid), v => v with { Orcid = Text(Orcid) is { } orcid ? Profile.Orcid.Normalize(orcid) : null });
        Change(nameof(EmailDigest), v => v with { EmailDigest = EmailDigest!.Value });
        return (values, changed);
    }

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

internal sealed class Validator : AbstractValidator<Request>
{
    /// <summary>What GET /api/user/me shows of the account but only Auth may change.</summary>
    private static readonly HashSet<string> ReadOnly = new(StringComparer.OrdinalIgnoreCase) { "id", "email", "emailVerified", "role", "createdAt" };

    public Validator()
    {
        RuleFor(r => r.Unknown).Custom((unknown, context) => RefuseUnknown(unknown, "", ReadOnly, context));
        RuleFor(r => r.Name).Cascade(CascadeMode.Stop)
            .Must(n => !string.IsNullOrWhiteSpace(n)).WithErrorCode("REQUIRED").WithMessage(ProfileTexts.NameRequired)
            .Must(n => PlainTextRules.Length(n!) <= UserDirectory.MaxNameLength).WithErrorCode("TOO_LONG").WithMessage(ProfileTexts.NameTooLong(UserDirectory.MaxNameLength))
            .NoControlCharacters(ProfileTexts.NoControlCharacters)
            .When(r => r.Has(nameof(Request.Name)));
        RuleFor(r => r.Image)
            .Must(image => ProfileRules.IsHttpsUrl(image!.Trim())).WithErrorCode("INVALID_URL").WithMessage(ProfileTexts.ImageInvalid)
            .When(r => r.Image is not null);
        RuleFor(r => r.Profile)
            .NotNull().WithErrorCode("INVALID_PROFILE").WithMessage(ProfileTexts.ProfileRequired)
            .When(r => r.Has(nameof(Request.Profile)));
        RuleFor(r => r.Profile!).SetValidator(new ProfileChangesValidator()).When(r => r.Profile is not null);
    }

    /// <summary>A field error for each property the body carried that this object does not take, named as the body named it.</summary>
    private static void RefuseUnknown<T>(Dictionary<string, JsonElement>? unknown, string prefix, IReadOnlySet<string> readOnlyFields, ValidationContext<T> context)
    {
        foreach (var field in unknown?.Keys ?? Enumerable.Empty<string>())
        {
            var readOnly = readOnlyFields.Contains(field);
            context.AddFailure(new ValidationFailure(prefix + field, readOnly ? ProfileTexts.ReadOnlyField(field) : ProfileTexts.UnknownField(field))
            {
                ErrorCode = readOnly ? "READ_ONLY_FIELD" : "UNKNOWN_FIELD",
            });
        }
    }

    private sealed class ProfileChangesValidator : AbstractValidator<ProfileChanges>
    {
        public ProfileChangesValidator()
        {
            RuleFor(p => p.Unknown).Custom((unknown, context) => RefuseUnknown(unknown, "profile.", new HashSet<string>(), context));
            RuleFor(p => p.Type)
                .Must(t => t!.Trim() is ProfileData.Professional or ProfileData.Empresa).WithErrorCode("INVALID_TYPE").WithMessage(ProfileTexts.TypeInvalid)
                .When(p => !string.IsNullOrWhiteSpace(p.Type));
            RuleFor(p => p.Field).ProfileText(120);
            RuleFor(p => p.Company).ProfileText(160);
            RuleFor(p => p.Headline).ProfileText(120);
            RuleFor(p => p.Location).ProfileText(120);
            RuleFor(p => p.Bio)
                .Must(b => b is null || PlainTextRules.Length(b.ReplaceLineEndings("\n")) <= 2000).WithErrorCode("TOO_LONG").WithMessage(ProfileTexts.TooLong(2000))
                .Must(b => b is null || !b.Any(c => char.IsControl(c) && c is not ('\n' or '\r'))).WithErrorCode("CONTROL_CHARACTERS").WithMessage(ProfileTexts.BioControlCharacters);
            RuleFor(p => p.Links)
                .Must(links => links!.Length <= 5).WithErrorCode("TOO_MANY_LINKS").WithMessage(ProfileTexts.TooManyLinks)
                .When(p => p.Links is not null);
            RuleForEach(p => p.Links)
                .Must(link => link is not null && ProfileRules.IsHttpsUrl(link.Trim())).WithErrorCode("INVALID_URL").WithMessage(ProfileTexts.LinkInvalid);
            RuleFor(p => p.Orcid)
                .Must(o => Orcid.Normalize(o!) is not null).WithErrorCode("INVALID_ORCID").WithMessage(ProfileTexts.OrcidInvalid)
                .When(p => !string.IsNullOrWhiteSpace(p.Orcid));
            RuleFor(p => p.EmailDigest)
                .NotNull().WithErrorCode("REQUIRED").WithMessage(ProfileTexts.EmailDigestRequired)
                .When(p => p.Has(nameof(ProfileChanges.EmailDigest)));
        }
    }
}
