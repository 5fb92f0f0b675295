namespace Waitlist.Features.Waitlist;

/// <summary>Every Spanish sentence the waitlist says, in one place for review.</summary>
public static class WaitlistTexts
{
    public static readonly ErrorKind EmailAlreadyRegistered = new(409, "EMAIL_ALREADY_REGISTERED", "Este correo ya está en la lista de espera.");
    public static readonly ErrorKind CaptchaFailed = new(400, "CAPTCHA_FAILED", "No hemos podido comprobar que no eres un robot. Inténtalo de nuevo.");
    public static readonly ErrorKind InvalidToken = new(400, "INVALID_TOKEN", "El enlace no es válido. Usa el del último correo que te enviamos desde la lista de espera.");
    public static readonly ErrorKind EntryNotFound = new(404, "ENTRY_NOT_FOUND", "Esta inscripción no está en la lista de espera.");
    public static readonly ErrorKind NotConfirmed = new(409, "ENTRY_NOT_CONFIRMED", "Solo se puede invitar a quien ha confirmado su correo.");
    public static readonly ErrorKind AlreadyInvited = new(409, "ALREADY_INVITED", "Esta persona ya recibió una invitación en las últimas 24 horas.");
    public static readonly ErrorKind AlreadyHasAccount = new(409, "ALREADY_HAS_ACCOUNT", "Este correo ya tiene una cuenta en la plataforma.");

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
    public const string DisposableEmail = "No admitimos direcciones de correo temporales. Usa tu correo habitual.";
    public const string TooFast = "Has enviado el formulario demasiado rápido. Espera unos segundos y vuelve a intentarlo.";

    // The admin views' filters.
    public const string TypeFilterInvalid = "El tipo debe ser «professional» o «empresa».";
    public const string StatusFilterInvalid = "El estado debe ser «pending» o «confirmed».";
    public const string DateInvalid = "La fecha debe tener el formato AAAA-MM-DD (o una fecha y hora ISO 8601).";
    public const string DateRangeInvalid = "La fecha «from» debe ser anterior a la fecha «to».";
    public const string BooleanInvalid = "Debe ser «true» o «false».";
    public const string SearchTooLong = "La búsqueda no puede superar los 200 caracteres.";
    public const string LimitInvalid = "El límite debe ser un número entre 1 y 500.";
    public const string OffsetInvalid = "El desplazamiento debe ser un número entero igual o mayor que 0.";

    // Emails.
    public const string ConfirmationSubject = "Confirma tu correo para entrar en la lista de espera";
    public static string WelcomeSubject(long place) => $"Ya estás en la lista de espera: eres el número {place}";
    public const string InvitationSubject = "Tu acceso a la plataforma está listo";

    // The pages the API answers itself (confirmation without Waitlist:ConfirmedUrl, unsubscribe).
    public const string ConfirmedTitle = "¡Correo confirmado!";
    public const string ConfirmedMessage = "Ya estás en la lista de espera. Te hemos enviado un correo con tu puesto y tu enlace para invitar a otras personas: cada invitación confirmada te hace avanzar.";
    public const string AlreadyConfirmedTitle = "Tu correo ya estaba confirmado";
    public const string AlreadyConfirmedMessage = "Sigues en la lista de espera. Tu puesto y tu enlace para invitar están en el correo de bienvenida que te enviamos.";
    public const string LinkExpiredTitle = "El enlace ha caducado";
    public const string LinkExpiredMessage = "Este enlace de confirmación ya no es válido. Vuelve a apuntarte en la lista de espera y te enviaremos uno nuevo.";
    public const string UnsubscribeTitle = "¿Quieres salir de la lista de espera?";
    public const string UnsubscribeMessage = "Borraremos tu inscripción y no volverás a recibir correos de la lista de espera. No se puede deshacer.";
    public const string UnsubscribeButton = "Darme de baja";
    public const string UnsubscribedTitle = "Te has dado de baja";
    public const string UnsubscribedMessage = "Hemos borrado tu inscripción de la lista de espera y no volverás a recibir sus correos.";
    public const string InvalidLinkTitle = "El enlace no es válido";
    public const string InvalidLinkMessage = "Comprueba que lo has copiado entero, o usa el enlace del último correo que te enviamos desde la lista de espera.";

    /// <summary>The first line of the admin export (UTF-8 with BOM, «;» as separator, as Excel opens it in Spanish).</summary>
    public static readonly string[] ExportColumns =
    [
        "id", "correo", "tipo", "nombre", "campo científico", "empresa", "estado", "puesto", "invitaciones confirmadas",
        "código de invitación", "alta (UTC)", "confirmación (UTC)", "invitación (UTC)", "archivo (UTC)",
    ];
    public const string ExportFileName = "lista-de-espera";

    // The OpenAPI document.
    public const string Tag = "Lista de espera";
    public const string JoinSummary = "Apuntarse a la lista de espera";
    public const string EmailParameter = "Correo electrónico; se guarda en minúsculas.";
    public const string TypeParameter = "«professional» o «empresa».";
    public const string NameParameter = "Nombre completo.";
    public const string FieldParameter = "Campo científico; obligatorio para «professional».";
    public const string CompanyParameter = "Empresa; obligatoria para «empresa».";
    public const string RefParameter = "Código de invitación de quien compartió el enlace (el parámetro «ref» de la página).";
    public const string WebsiteParameter = "Trampa para robots: el formulario lo oculta y una persona nunca lo rellena. Si llega con texto, la respuesta es la misma y no se guarda nada.";
    public const string RenderedAtParameter = "Opcional: cuándo se mostró el formulario, en milisegundos desde 1970 (Date.now()). Un envío más rápido que Waitlist:MinSecondsToSubmit se rechaza.";
    public const string CaptchaTokenParameter = "El token de Cloudflare Turnstile o hCaptcha, cuando Waitlist:Captcha está configurado.";
    public const string JoinDescription =
        "Registra a un profesional científico o a una empresa y le envía un correo para confirmar su dirección (doble opt-in): solo las " +
        "inscripciones confirmadas cuentan en la cola. «position» es el número de llegada; el puesto en la cola lo da GET /api/waitlist/me. " +
        "Un segundo envío con una dirección pendiente de confirmar reenvía el correo (como mucho una vez por hora) y responde 409.";
    public const string ConfirmSummary = "Confirmar el correo (enlace del correo)";
    public const string ConfirmDescription =
        "Confirma la inscripción del token y envía el correo de bienvenida con el puesto y el enlace para compartir. Redirige a " +
        "Waitlist:ConfirmedUrl con ?estado=confirmado, ya-confirmado o enlace-caducado, o responde una página en español si no está configurada.";
    public const string TokenParameter = "El token firmado del enlace del correo.";
    public const string MeSummary = "Mi puesto en la lista de espera";
    public const string MeDescription = "Con el token de los correos de la lista de espera: puesto, total de confirmados, invitaciones que cuentan, código y enlace para compartir, y estado.";
    public const string UnsubscribePageSummary = "Página para darse de baja (enlace visible de los correos)";
    public const string UnsubscribePageDescription = "Pide confirmación con un botón; no borra nada por sí sola, porque los antivirus del correo abren los enlaces.";
    public const string UnsubscribeSummary = "Darse de baja con un clic (RFC 8058)";
    public const string UnsubscribeDescription =
        "Borra la inscripción (el derecho de supresión: la fila desaparece) y los correos de la lista de espera a esa dirección. Es la URL de la " +
        "cabecera List-Unsubscribe; el cuerpo (List-Unsubscribe=One-Click) se ignora.";
    public const string StatsSummary = "Contador público de la lista de espera";
    public const string StatsDescription = "Inscripciones confirmadas, en total y por tipo. Se calcula como mucho una vez por minuto y se puede guardar en caché 60 s (Cache-Control: public).";

    // The admin views' OpenAPI document.
    public const string AdminTag = "Lista de espera (administración)";
    public const string ListSummary = "Inscripciones de la lista de espera";
    public const string ListDescription = "Filtros combinables, de la más reciente a la más antigua, paginadas con limit (50 por defecto, hasta 500) y offset. Personal y administración.";
    public const string ExportSummary = "Exportar las inscripciones en CSV";
    public const string ExportDescription = "Los mismos filtros que el listado, todas las filas, en UTF-8 con BOM y «;» como separador (como lo abre Excel en español). Las celdas que empiezan por = + - @ llevan un apóstrofo delante.";
    public const string InviteSummary = "Invitar a una inscripción confirmada";
    public const string InviteDescription = "Envía la invitación (en español, con el enlace de registro) y guarda invitedAt. 409 si no está confirmada, si ya se invitó en las últimas 24 horas o si el correo ya tiene cuenta.";
    public const string TypeFilterParameter = "«professional» o «empresa».";
    public const string FieldFilterParameter = "Campo científico exacto (sin distinguir mayúsculas).";
    public const string SearchParameter = "Texto en el correo, el nombre, la empresa o el campo.";
    public const string FromParameter = "Altas desde esta fecha (incluida), AAAA-MM-DD o ISO 8601, UTC.";
    public const string ToParameter = "Altas hasta esta fecha (incluido el día entero si no lleva hora), UTC.";
    public const string ArchivedParameter = "true: solo archivadas; false: sin archivar.";
    public const string InvitedParameter = "true: solo invitadas; false: sin invitar.";
    public const string StatusParameter = "«pending» (sin confirmar) o «confirmed».";
    public const string LimitParameter = "Filas por página, de 1 a 500 (50 por defecto).";
    public const string OffsetParameter = "Filas que saltar (0 por defecto).";
    public const string IdParameter = "El identificador (UUID) de la inscripción.";

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
