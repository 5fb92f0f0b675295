namespace Waitlist.Features.Auth.Tokens;

/// <summary>Every Spanish sentence of the token API (/api/token, the JWKS, bearer access tokens), in one place for review.</summary>
internal static class TokenTexts
{
    public static readonly ErrorKind InvalidCredentials = new(401, "INVALID_CREDENTIALS", "Correo o contraseña incorrectos.");
    public static readonly ErrorKind MissingAuthorization = new(401, "MISSING_AUTHORIZATION", "Falta la cabecera «Authorization: Bearer» con el token de acceso.");
    public static readonly ErrorKind TokenExpired = new(401, "TOKEN_EXPIRED", "El token de acceso ha caducado. Pide otro con tu token de actualización.");
    public static readonly ErrorKind InvalidToken = new(401, "INVALID_TOKEN", "El token de acceso no es válido.");
    public static readonly ErrorKind RevokedToken = new(401, "INVALID_TOKEN", "El token de acceso se revocó al cerrar la sesión.");
    public static readonly ErrorKind AccountUnavailable = new(401, "INVALID_TOKEN", "La cuenta de este token ya no existe o está suspendida.");
    public static readonly ErrorKind RefreshTokenExpired = new(401, "TOKEN_EXPIRED", "El token de actualización ha caducado. Inicia sesión de nuevo.");
    public static readonly ErrorKind InvalidRefreshToken = new(401, "INVALID_TOKEN", "El token de actualización no es válido o se ha revocado.");
    public static readonly ErrorKind RefreshTokenReused = new(401, "INVALID_TOKEN",
        "Este token de actualización ya se había usado: por seguridad se ha cerrado esa sesión. Inicia sesión de nuevo.");

    public static string Required(string field) => $"«{field}» es obligatorio.";
    public static string TooLong(string field) => $"«{field}» es demasiado largo.";
    public const string InvalidEmail = "Introduce un correo electrónico válido.";

    public const string Tag = "Tokens de acceso";
    public const string LoginSummary = "Iniciar sesión y obtener un token de acceso y uno de actualización";
    public const string LoginDescription = "{ email, password }. El token de acceso (JWT ES256) dura una hora; el de actualización, 30 días. " +
        "Misma comprobación de contraseña y mismo límite de intentos que /api/auth/sign-in/email.";
    public const string RefreshSummary = "Obtener un token de acceso nuevo";
    public const string RefreshDescription = "{ refresh_token }. Con Tokens:RotateRefreshTokens la respuesta trae también un refresh_token nuevo y el anterior deja de servir: " +
        "presentarlo otra vez revoca todo ese inicio de sesión.";
    public const string LogoutSummary = "Cerrar la sesión de un token";
    public const string LogoutDescription = "Con «Authorization: Bearer <token de acceso>» y { refresh_token }: revoca ese inicio de sesión (el token de actualización y sus sucesores) " +
        "y el token de acceso, que ninguna instancia acepta ya hasta que caduque.";
    public const string JwksSummary = "Claves públicas que firman los tokens de acceso (JWKS)";
    public const string JwksDescription = "Para verificar los tokens sin llamar a la API. Incluye la clave siguiente antes de que empiece a firmar y las anteriores mientras haya tokens suyos vigentes.";
}
