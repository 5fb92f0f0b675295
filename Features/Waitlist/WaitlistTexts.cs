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

    // The OpenAPI document.
    public const string Tag = "Lista de espera";
    public const string JoinSummary = "Apuntarse a la lista de espera";
    public const string EmailParameter = "Correo electrónico; se guarda en minúsculas.";
    public const string TypeParameter = "«professional» o «empresa».";
    public const string NameParameter = "Nombre completo.";
    public const string FieldParameter = "Campo científico; obligatorio para «professional».";
    public const string CompanyParameter = "Empresa; obligatoria para «empresa».";
    public const string JoinDescription = "Registra a un profesional científico o a una empresa para el acceso anticipado y le envía un correo de confirmación.";

    // waitlist.weekly-report
    public static string WeeklyReportSubject(ReportWeekLabel week) => $"Informe semanal de la lista de espera: {week.Short}";
    public const string NoField = "Sin especificar";

    public static string Growth(int current, int previous) => (current, previous) switch
    {
        (0, 0) => "Sin registros ni en esta semana ni en la anterior.",
        (_, 0) => "La semana anterior no hubo registros.",
        _ when current == previous => $"Igual que la semana anterior ({previous}).",
        _ => $"{Percent(current, previous)} respecto a la semana anterior ({previous}).",
    };

    private static string Percent(int current, int previous)
    {
        var change = Math.Round((current - previous) * 100m / previous, 0, MidpointRounding.AwayFromZero);
        return change > 0 ? $"+{change} %" : $"−{-change} %";
    }

    private static readonly string[] Months =
        ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"];

    /// <summary>"semana 46 de 2026" and "del 9 al 15 de noviembre de 2026" (ISO week: Monday to Sunday).</summary>
    public static ReportWeekLabel Week(int isoYear, int isoWeek, DateOnly monday)
    {
        var sunday = monday.AddDays(6);
        var range = monday.Month == sunday.Month
            ? $"del {monday.Day} al {sunday.Day} de {Months[sunday.Month - 1]} de {sunday.Year}"
            : monday.Year == sunday.Year
                ? $"del {monday.Day} de {Months[monday.Month - 1]} al {sunday.Day} de {Months[sunday.Month - 1]} de {sunday.Year}"
                : $"del {monday.Day} de {Months[monday.Month - 1]} de {monday.Year} al {sunday.Day} de {Months[sunday.Month - 1]} de {sunday.Year}";
        return new ReportWeekLabel($"semana {isoWeek} de {isoYear}", range);
    }
}

public sealed record ReportWeekLabel(string Short, string Range);
