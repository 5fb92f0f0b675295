namespace Waitlist.Features.Auth;

/// <summary>Every Spanish sentence of Auth, with Better Auth's codes and statuses, in one place for review.</summary>
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
    public static readonly ErrorKind LastAdmin = new(409, "LAST_ADMIN",
        "La plataforma no puede quedarse sin administración: esta es la única cuenta de administración activa. Nombra antes a otra persona administradora.");

    // The api-key plugin's errors. A refused key is a 401 wherever it is presented, in that endpoint's format.
    public static readonly ErrorKind InvalidApiKey = new(401, "INVALID_API_KEY", "La clave de API no es válida.");
    public static readonly ErrorKind ApiKeyDisabled = new(401, "KEY_DISABLED", "La clave de API está desactivada.");
    public static readonly ErrorKind ApiKeyExpired = new(401, "KEY_EXPIRED", "La clave de API ha caducado.");
    public static readonly ErrorKind ApiKeyOwnerBanned = new(401, "USER_BANNED", "La cuenta a la que pertenece esta clave de API está suspendida.");
    public static readonly ErrorKind ApiKeyNotFound = new(404, "KEY_NOT_FOUND", "No se encontró la clave de API.");
    public static readonly ErrorKind UnauthorizedSession = new(401, "UNAUTHORIZED_SESSION", "Inicia sesión para gestionar tus claves de API.");
    public static readonly ErrorKind ServerOnlyProperty = new(400, "SERVER_ONLY_PROPERTY",
        "Los límites, los permisos y los usos de una clave solo los fija el servidor: no se pueden enviar.");
    public static readonly ErrorKind MetadataDisabled = new(400, "METADATA_DISABLED", "Las claves de API no guardan metadatos.");
    public static readonly ErrorKind NoValuesToUpdate = new(400, "NO_VALUES_TO_UPDATE", "No hay ningún valor que actualizar.");
    public static readonly ErrorKind InvalidApiKeyNameLength = new(400, "INVALID_NAME_LENGTH", "El nombre de la clave debe tener entre 1 y 32 caracteres.");
    public static readonly ErrorKind InvalidApiKeyPrefixLength = new(400, "INVALID_PREFIX_LENGTH", "El prefijo de la clave debe tener entre 1 y 32 caracteres.");
    public static readonly ErrorKind ExpiresInTooSmall = new(400, "EXPIRES_IN_IS_TOO_SMALL", "Una clave debe durar al menos un día (86400 segundos).");
    public static readonly ErrorKind ExpiresInTooLarge = new(400, "EXPIRES_IN_IS_TOO_LARGE", "Una clave puede durar como mucho un año (365 días).");
    public const string InvalidApiKeyPrefix = "[body.prefix] El prefijo solo puede tener letras, números, guiones y guiones bajos.";
    public const string InvalidExpiresIn = "[body.expiresIn] Debe ser un número de segundos, 1 o más, o null.";
    public static string RequiredQuery(string field) => $"[query.{field}] Campo obligatorio: se esperaba un texto.";
    public const string InvalidApiKeyListQuery = "[query] limit y offset deben ser números enteros desde 0; sortBy, uno de createdAt, updatedAt, name, expiresAt, " +
        "lastRequest, enabled o start; sortDirection, asc o desc.";

    public static readonly ErrorKind MissingOrNullOrigin = new(403, "MISSING_OR_NULL_ORIGIN", "Falta la cabecera Origin o es nula.");
    public static readonly ErrorKind InvalidOrigin = new(403, "INVALID_ORIGIN", "El origen de la petición no es de confianza.");

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
    public static string ControlCharacters(string field) => $"[body.{field}] El texto no puede contener saltos de línea ni otros caracteres de control.";
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
    public const string InvalidBanExpiresIn = "[body.banExpiresIn] Debe ser un número de segundos positivo.";
    public const string InvalidRoleCode = "INVALID_ROLE";
    public const string InvalidRole = "El rol debe ser «user», «staff» o «admin».";

    public const string PasswordResetRequested = "Si este correo está registrado, recibirás un enlace para restablecer la contraseña.";
    public const string VerificationSubject = "Confirma tu correo electrónico";
    public const string ResetPasswordSubject = "Restablece tu contraseña";
    public const string SignUpAttemptSubject = "Alguien ha intentado crear una cuenta con tu correo";

    public const string InvalidQuery = "[query] Parámetros de búsqueda, filtro, orden o paginación no válidos.";

    // The admin views (/api/admin/*): the API's own error format, so plain sentences without Better Auth's [body.x] prefix.
    public static readonly ErrorKind SessionNotFound = new(404, "SESSION_NOT_FOUND", "No se encontró la sesión.");
    public static readonly ErrorKind OnlyAdminsChangeRoles = new(403, "ONLY_ADMINS_CAN_CHANGE_ROLES", "Solo una cuenta de administración puede cambiar el rol de un usuario.");
    public static readonly ErrorKind OnlyAdminsBanAdmins = new(403, "ONLY_ADMINS_CAN_BAN_ADMINS", "Solo una cuenta de administración puede suspender o readmitir a otra.");
    public static readonly ErrorKind ApiKeyNotFoundAdmin = new(404, "API_KEY_NOT_FOUND", "No se encontró la clave de API.");
    public static readonly ErrorKind OnlyAdminsDeleteAdminKeys = new(403, "ONLY_ADMINS_CAN_DELETE_ADMIN_KEYS", "Solo una cuenta de administración puede borrar las claves de API de otra.");
    public static readonly ErrorKind OnlyAdminsEndAdminSessions = new(403, "ONLY_ADMINS_CAN_END_ADMIN_SESSIONS", "Solo una cuenta de administración puede cerrar las sesiones de otra.");
    public const string NameRequiredText = "El nombre no puede estar vacío.";
    public static readonly string NameTooLongText = $"El nombre no puede superar los {AuthRules.MaxTextLength} caracteres.";
    public const string NoControlCharactersText = "Este campo no puede contener saltos de línea ni otros caracteres de control.";
    public const string BanReasonTooLongText = "El motivo de la suspensión no puede superar los 500 caracteres.";
    public const string BanExpiresInvalidText = "La fecha de fin de la suspensión debe estar en el futuro (y a menos de cien años).";
    public const string BanDetailsWithoutBanText = "«banReason» y «banExpires» solo se indican al suspender («banned»: true).";
    public const string SearchTooLongText = "La búsqueda no puede superar los 256 caracteres.";
    public const string UserIdInvalidText = "«userId» no tiene el formato de un identificador de usuario.";

    // The OpenAPI document: tags, summaries and descriptions.
    public const string Tag = "Autenticación";
    public const string AdminTag = "Administración de usuarios";
    public const string SignUpSummary = "Crear una cuenta con correo y contraseña";
    public const string SignUpDescription = "Crea el usuario (rol «user»), inicia su sesión (cookie better-auth.session_token) y le envía un correo de verificación. " +
        "Con Auth:ConcealRegisteredEmails no inicia sesión (token: null) y responde igual si el correo ya está registrado, avisando por correo a su dueño.";
    public const string SignInEmailSummary = "Iniciar sesión con correo y contraseña";
    public const string SignInEmailDescription = "Abre una sesión (cookie better-auth.session_token). Con rememberMe: false la cookie dura lo que el navegador.";
    public const string SignInUsernameSummary = "Iniciar sesión con nombre de usuario y contraseña";
    public const string SignInUsernameDescription = "El nombre de usuario no distingue mayúsculas de minúsculas.";
    public const string GetSessionSummary = "Sesión actual";
    public const string GetSessionDescription = "Devuelve { session, user } o null si no hay sesión. Renueva la sesión (7 días) cuando tiene más de un día.";
    public const string SignOutSummary = "Cerrar sesión";
    public const string SignOutDescription = "Borra la sesión de la base de datos y la cookie.";
    public const string ListSessionsSummary = "Sesiones abiertas del usuario";
    public const string ListSessionsDescription = "«token» es el token de la sesión actual y el id de las demás (solo se guarda el hash de los tokens); revoke-session acepta ambos.";
    public const string RevokeSessionSummary = "Cerrar una sesión del usuario";
    public const string RevokeSessionsSummary = "Cerrar todas las sesiones del usuario, la actual incluida";
    public const string RevokeOtherSessionsSummary = "Cerrar todas las sesiones del usuario salvo la actual";
    public const string UpdateUserSummary = "Actualizar el perfil del usuario (nombre, imagen, nombre de usuario)";
    public const string ChangePasswordSummary = "Cambiar la contraseña";
    public const string ChangePasswordDescription = "Con revokeOtherSessions: true cierra todas las sesiones y abre una nueva (token en la respuesta y cookie nueva).";
    public const string IsUsernameAvailableSummary = "Comprobar si un nombre de usuario está libre";
    public const string SendVerificationEmailSummary = "Reenviar el correo de verificación";
    public const string SendVerificationEmailDescription = "El enlace caduca en 24 horas y sirve una sola vez. La respuesta no revela si el correo está registrado.";
    public const string VerifyEmailSummary = "Confirmar el correo con el enlace recibido";
    public const string VerifyEmailDescription = "Redirige a callbackURL si se indica; si no, responde { status: true }.";
    public const string RequestPasswordResetSummary = "Pedir un enlace para restablecer la contraseña";
    public const string RequestPasswordResetDescription = "Responde lo mismo, y en el mismo tiempo, exista o no el correo. El enlace (redirectTo?token=...) sirve una vez y caduca en una hora.";
    public const string ResetPasswordSummary = "Restablecer la contraseña con el token del correo";
    public const string ResetPasswordDescription = "Consume el token (un solo uso) y cierra todas las sesiones de la cuenta.";
    public const string OkSummary = "Comprobar que el servicio de autenticación responde";
    public const string ListUsersSummary = "Listar usuarios (staff y admin)";
    public const string ListUsersDescription = "searchValue/searchField (email|name|username)/searchOperator (contains|starts_with|ends_with), " +
        "filterField/filterValue/filterOperator (eq|ne|lt|lte|gt|gte|contains), sortBy/sortDirection, limit (máx. 500)/offset.";
    public const string CreateUserSummary = "Crear una cuenta (admin)";
    public const string CreateUserDescription = "Para cuentas de staff que inician sesión por nombre de usuario: { email, password, name, role, data: { username } }.";
    public const string SetRoleSummary = "Cambiar el rol de un usuario (admin)";
    public const string BanUserSummary = "Suspender a un usuario y cerrar sus sesiones (admin)";
    public const string UnbanUserSummary = "Levantar la suspensión de un usuario (admin)";
    public const string ListUserSessionsSummary = "Sesiones de un usuario (admin)";
    public const string RevokeUserSessionSummary = "Cerrar una sesión de cualquier usuario (admin)";
    public const string RevokeUserSessionsSummary = "Cerrar todas las sesiones de un usuario (admin)";
    public const string RemoveUserSummary = "Eliminar un usuario y sus sesiones (admin)";

    public const string SessionCookieSchemeDescription = "La cookie de sesión de Better Auth (con el prefijo «__Secure-» cuando la API se sirve por https), " +
        "la del panel en el navegador. Las peticiones que cambian algo llevan además un Origin de confianza.";
    public const string ApiKeySchemeDescription = "Una clave de API del usuario (/api/auth/api-key/create) en la cabecera «x-api-key»; " +
        "también vale como «Authorization: Bearer <clave>». No sirve en las rutas de /api/auth que cambian credenciales o sesiones.";
    public const string BearerSchemeDescription = "«Authorization: Bearer <token>»: un token de acceso (JWT ES256 de /api/token/login, una hora, " +
        "verificable con /api/auth/jwks) o una clave de API. Los 401 y 403 de un token de acceso siguen el formato de /api/token.";

    public const string ApiKeysTag = "Claves de API";
    public const string CreateApiKeySummary = "Crear una clave de API (se muestra una sola vez)";
    public const string CreateApiKeyDescription = "{ name?, expiresIn? (segundos, de un día a un año), prefix? }. La respuesta trae la clave completa en «key»: " +
        "es la única vez que se muestra; solo se guarda su hash SHA-256 y sus primeros caracteres («start»). Solo con la cookie de sesión.";
    public const string ListApiKeysSummary = "Claves de API del usuario";
    public const string ListApiKeysDescription = "{ apiKeys, total, limit?, offset? }; nunca la clave. limit, offset, sortBy (createdAt, name, expiresAt, lastRequest…) y sortDirection opcionales.";
    public const string GetApiKeySummary = "Una clave de API del usuario";
    public const string UpdateApiKeySummary = "Cambiar el nombre, la activación o la caducidad de una clave de API";
    public const string UpdateApiKeyDescription = "{ keyId, name?, enabled?, expiresIn? (segundos, o null para que no caduque) }. Desactivarla la rechaza al instante en todas las instancias.";
    public const string DeleteApiKeySummary = "Borrar una clave de API";

    public const string AdminViewsTag = "Panel de administración";
    public const string BrowseUsersSummary = "Usuarios, por páginas (staff y admin)";
    public const string BrowseUsersDescription = "Del más reciente al más antiguo. role filtra por rol, banned por suspensión vigente (true|false), search busca en correo, " +
        "nombre y nombre de usuario (sin distinguir mayúsculas). limit 1–500 (50 por defecto), offset desde 0.";
    public const string ViewUserSummary = "Un usuario (staff y admin)";
    public const string EditUserSummary = "Cambiar nombre, rol o suspensión de un usuario (staff y admin)";
    public const string EditUserDescription = "Solo admin puede cambiar roles y suspender o readmitir a un admin. Suspender cierra todas las sesiones del usuario; " +
        "banExpires (ISO 8601, opcional) fija el fin de la suspensión. Nadie puede quitar el rol ni suspender a la última cuenta de administración activa (409 LAST_ADMIN).";
    public const string BrowseSessionsSummary = "Sesiones, por páginas (staff y admin)";
    public const string BrowseSessionsDescription = "De la más reciente a la más antigua. userId filtra por usuario, active por vigencia (true|false). limit 1–500 (100 por defecto), offset desde 0. " +
        "Nunca muestra tokens: solo se guarda su hash.";
    public const string ViewSessionSummary = "Una sesión (staff y admin)";
    public const string EndSessionSummary = "Cerrar una sesión (staff y admin; las de un admin, solo admin)";
    public const string BrowseApiKeysSummary = "Claves de API, por páginas (staff y admin)";
    public const string BrowseApiKeysDescription = "De la más reciente a la más antigua, con su dueño. userId filtra por usuario, enabled por activación (true|false). " +
        "limit 1–500 (100 por defecto), offset desde 0. Nunca muestra claves: solo se guarda su hash.";
    public const string ViewApiKeySummary = "Una clave de API (staff y admin)";
    public const string RevokeApiKeySummary = "Borrar una clave de API (staff y admin; las de un admin, solo admin)";
    public const string RevokeApiKeyDescription = "Responde { ok: true }. La clave deja de servir al instante en todas las instancias.";
    public const string ViewStatsSummary = "Cifras del panel (staff y admin)";
    public const string ViewStatsDescription = "Usuarios por rol y suspendidos, sesiones totales y vigentes, claves de API totales y activas (habilitadas y sin caducar), " +
        "lista de espera por tipo, campo (los 20 más frecuentes) y últimos 7 días, y altas de cuentas por día de los últimos 30 días (UTC).";

    // Query and route parameters of the admin views.
    public const string RoleParameter = "Solo usuarios con este rol: user, staff o admin.";
    public const string BannedParameter = "true: solo suspendidos ahora; false: solo no suspendidos.";
    public const string SearchParameter = "Texto que buscar en correo, nombre y nombre de usuario.";
    public const string UserIdParameter = "Solo las sesiones de este usuario.";
    public const string ActiveParameter = "true: solo sesiones vigentes; false: solo caducadas.";
    public const string ApiKeyUserIdParameter = "Solo las claves de este usuario.";
    public const string EnabledParameter = "true: solo claves habilitadas; false: solo deshabilitadas.";
}
