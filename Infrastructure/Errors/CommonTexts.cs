namespace Waitlist.Infrastructure.Errors;

/// <summary>Every Spanish sentence the shared infrastructure says: the errors any feature can answer with.</summary>
public static class CommonTexts
{
    public static readonly ErrorKind ValidationFailed = new(400, "VALIDATION_FAILED", "Los datos enviados no son válidos.");
    public static readonly ErrorKind InvalidJson = new(400, "INVALID_JSON", "El cuerpo de la petición no es un JSON válido.");
    public static readonly ErrorKind InvalidText = new(400, "INVALID_TEXT", "El texto enviado contiene caracteres no válidos.");
    public static readonly ErrorKind InvalidRequest = new(400, "INVALID_REQUEST", "La petición no es válida.");
    public static readonly ErrorKind InvalidId = new(400, "INVALID_ID", "El identificador de la ruta no tiene un formato válido.");
    public static readonly ErrorKind Unauthorized = new(401, "UNAUTHORIZED", "Necesitas iniciar sesión.");
    public static readonly ErrorKind Forbidden = new(403, "FORBIDDEN", "No tienes permiso para hacer esto.");
    public static readonly ErrorKind NotFound = new(404, "NOT_FOUND", "No se encontró el recurso solicitado.");
    public static readonly ErrorKind MethodNotAllowed = new(405, "METHOD_NOT_ALLOWED", "Este método HTTP no está permitido en esta ruta.");
    public static readonly ErrorKind PayloadTooLarge = new(413, "PAYLOAD_TOO_LARGE", "El cuerpo de la petición es demasiado grande.");
    public static readonly ErrorKind UnsupportedMediaType = new(415, "UNSUPPORTED_MEDIA_TYPE", "El cuerpo debe enviarse como JSON (Content-Type: application/json).");
    public static readonly ErrorKind UnsupportedCharset = new(415, "UNSUPPORTED_MEDIA_TYPE", "El cuerpo JSON debe estar codificado en UTF-8 (Content-Type: application/json; charset=utf-8).");
    public static readonly ErrorKind RateLimited = new(429, "RATE_LIMITED", "Demasiadas solicitudes.");
    public static readonly ErrorKind Internal = new(500, "INTERNAL_ERROR", "Se produjo un error inesperado. Inténtalo de nuevo más tarde.");
    public static readonly ErrorKind DatabaseUnavailable = new(503, "DATABASE_UNAVAILABLE", "El servicio no está disponible en este momento. Inténtalo de nuevo en unos minutos.");

    // Lists answered a page at a time (limit/offset).
    public static string InvalidLimit(int max) => $"«limit» debe ser un número entero entre 1 y {max}.";
    public const string InvalidOffset = "«offset» debe ser un número entero igual o mayor que 0.";
    public const string LimitParameter = "Cuántos elementos devolver.";
    public const string OffsetParameter = "Cuántos elementos saltar desde el principio.";
    public static string InvalidFlag(string name) => $"«{name}» debe ser true o false.";

    public const string ApiDescription =
        "API de la plataforma que conecta profesionales científicos y empresas. Los errores siguen el formato " +
        "{ error, code, details }, salvo los de autenticación, que siguen el de Better Auth: { code, message }.";

    public static string RetryIn(int seconds) =>
        $"Demasiadas solicitudes. Inténtalo de nuevo en {(seconds == 1 ? "1 segundo" : $"{seconds} segundos")}.";

    private static readonly Dictionary<int, ErrorKind> ByStatus = new[]
    {
        InvalidRequest, Unauthorized, Forbidden, NotFound, MethodNotAllowed, PayloadTooLarge,
        UnsupportedMediaType, RateLimited, Internal, DatabaseUnavailable,
    }.ToDictionary(kind => kind.Status);

    /// <summary>The generic error for a status that a framework component set without a body.</summary>
    public static ErrorKind ForStatus(int status) => ByStatus.GetValueOrDefault(status) ?? (status >= 500 ? Internal : InvalidRequest);
}

public sealed record ErrorKind(int Status, string Code, string Message);
