using Waitlist.Infrastructure.Errors;

namespace Waitlist.Features.Waitlist;

/// <summary>Every Spanish sentence the waitlist says, in one place for review.</summary>
public static class WaitlistTexts
{
    public static readonly ErrorKind EmailAlreadyRegistered = new(409, "EMAIL_ALREADY_REGISTERED", "Este correo ya está en la lista de espera.");

    public const string EmailRequired = "Introduce tu correo electrónico.";
    public const string EmailInvalid = "Introduce un correo electrónico válido.";
    public const string EmailTooLong = "El correo electrónico no puede superar los 254 caracteres.";
    public const string TypeRequired = "Indica si te registras como profesional o como empresa.";
    public const string TypeInvalid = "El tipo debe ser «professional» o «empresa».";
    public const string NameRequired = "Introduce tu nombre completo.";
    public const string NameLength = "El nombre debe tener entre 2 y 120 caracteres.";
    public const string FieldRequired = "Indica tu campo científico.";
    public const string FieldTooLong = "El campo científico no puede superar los 120 caracteres.";
    public const string CompanyRequired = "Indica el nombre de tu empresa.";
    public const string CompanyTooLong = "El nombre de la empresa no puede superar los 160 caracteres.";

    public const string NoControlCharacters = "Este campo no puede contener caracteres de control.";

    public const string ConfirmationSubject = "Ya estás en la lista de espera";
}
