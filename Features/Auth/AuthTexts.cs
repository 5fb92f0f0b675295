using Waitlist.Infrastructure.Errors;

namespace Waitlist.Features.Auth;

/// <summary>Every Spanish sentence of /api/auth/*, with Better Auth's codes and statuses, in one place for review.</summary>
public static class AuthTexts
{
    public static readonly ErrorKind UserAlreadyExists = new(422, "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL", "Ya existe una cuenta con este correo. Usa otro correo.");
    public static readonly ErrorKind UsernameTaken = new(400, "USERNAME_IS_ALREADY_TAKEN", "Ese nombre de usuario ya está en uso. Prueba con otro.");
    public static readonly ErrorKind InvalidEmailOrPassword = new(401, "INVALID_EMAIL_OR_PASSWORD", "Correo o contraseña incorrectos.");
    public static readonly ErrorKind InvalidUsernameOrPassword = new(401, "INVALID_USERNAME_OR_PASSWORD", "Nombre de usuario o contraseña incorrectos.");
    public static readonly ErrorKind BannedUser = new(403, "BANNED_USER", "Tu cuenta ha sido suspendida. Si crees que es un error, contacta con soporte.");
    public static readonly ErrorKind InvalidRedirectUrl = new(403, "INVALID_REDIRECT_URL", "La URL de redirección no es de confianza.");
    public static readonly ErrorKind InvalidCallbackUrl = new(403, "INVALID_CALLBACK_URL", "La URL de retorno no es de confianza.");
    public static readonly ErrorKind FailedToGetSession = new(400, "FAILED_TO_GET_SESSION", "No hay ninguna sesión iniciada.");
    public static readonly ErrorKind InvalidToken = new(400, "INVALID_TOKEN", "El enlace no es válido o ha caducado.");
    public static readonly ErrorKind InvalidVerificationToken = new(401, "INVALID_TOKEN", "El enlace de verificación no es válido o ha caducado.");
    public static readonly ErrorKind InvalidPassword = new(400, "INVALID_PASSWORD", "La contraseña actual no es correcta.");
    public static readonly ErrorKind EmailCannotBeUpdated = new(400, "EMAIL_CAN_NOT_BE_UPDATED", "El correo electrónico no se puede cambiar.");
    public static readonly ErrorKind NoFieldsToUpdate = new(400, "NO_FIELDS_TO_UPDATE", "No hay ningún dato que actualizar.");
    public static readonly ErrorKind UserNotFound = new(404, "USER_NOT_FOUND", "No se encontró el usuario.");
    public static readonly ErrorKind CannotBanYourself = new(400, "YOU_CANNOT_BAN_YOURSELF", "No puedes suspender tu propia cuenta.");
    public static readonly ErrorKind CannotRemoveYourself = new(400, "YOU_CANNOT_REMOVE_YOURSELF", "No puedes eliminar tu propia cuenta.");
    public static readonly ErrorKind UserAlreadyExistsAdmin = new(400, "USER_ALREADY_EXISTS", "Ya existe un usuario con este correo.");

    public static readonly ErrorKind NotAllowedToListUsers = new(403, "YOU_ARE_NOT_ALLOWED_TO_LIST_USERS", "No tienes permiso para ver la lista de usuarios.");
    public static readonly ErrorKind NotAllowedToCreateUsers = new(403, "YOU_ARE_NOT_ALLOWED_TO_CREATE_USERS", "No tienes permiso para crear usuarios.");
    public static readonly ErrorKind NotAllowedToChangeRole = new(403, "YOU_ARE_NOT_ALLOWED_TO_CHANGE_USERS_ROLE", "No tienes permiso para cambiar el rol de los usuarios.");
    public static readonly ErrorKind NotAllowedToBanUsers = new(403, "YOU_ARE_NOT_ALLOWED_TO_BAN_USERS", "No tienes permiso para suspender usuarios.");
    public static readonly ErrorKind NotAllowedToListSessions = new(403, "YOU_ARE_NOT_ALLOWED_TO_LIST_USERS_SESSIONS", "No tienes permiso para ver las sesiones de los usuarios.");
    public static readonly ErrorKind NotAllowedToRevokeSessions = new(403, "YOU_ARE_NOT_ALLOWED_TO_REVOKE_USERS_SESSIONS", "No tienes permiso para cerrar las sesiones de los usuarios.");
    public static readonly ErrorKind NotAllowedToDeleteUsers = new(403, "YOU_ARE_NOT_ALLOWED_TO_DELETE_USERS", "No tienes permiso para eliminar usuarios.");

    // Validation: Better Auth's codes, one message per failure.
    public const string ValidationError = "VALIDATION_ERROR";
    public static string Required(string field) => $"[body.{field}] Campo obligatorio: se esperaba un texto.";
    public static string TooLong(string field) => $"[body.{field}] El texto es demasiado largo.";
    public const string InvalidEmailCode = "INVALID_EMAIL";
    public const string InvalidEmail = "El correo electrónico no es válido.";
    public static string InvalidEmailField(string field) => $"[body.{field}] El correo electrónico no es válido.";
    public const string PasswordTooShortCode = "PASSWORD_TOO_SHORT";
    public const string PasswordTooShort = "La contraseña es demasiado corta (mínimo 8 caracteres).";
    public const string PasswordTooLongCode = "PASSWORD_TOO_LONG";
    public const string PasswordTooLong = "La contraseña es demasiado larga (máximo 128 caracteres).";
    public const string UsernameTooShortCode = "USERNAME_TOO_SHORT";
    public const string UsernameTooShort = "El nombre de usuario es demasiado corto (mínimo 3 caracteres).";
    public const string UsernameTooLongCode = "USERNAME_TOO_LONG";
    public const string UsernameTooLong = "El nombre de usuario es demasiado largo (máximo 30 caracteres).";
    public const string InvalidUsernameCode = "INVALID_USERNAME";
    public const string InvalidUsername = "El nombre de usuario solo puede tener letras, números, guiones bajos y puntos.";
    public const string InvalidRoleCode = "INVALID_ROLE";
    public const string InvalidRole = "El rol debe ser «user», «staff» o «admin».";

    public const string PasswordResetRequested = "Si este correo está registrado, recibirás un enlace para restablecer la contraseña.";
    public const string VerificationSubject = "Confirma tu correo electrónico";
    public const string ResetPasswordSubject = "Restablece tu contraseña";
}
