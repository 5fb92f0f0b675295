namespace Waitlist.Features.Profile;

/// <summary>Every Spanish sentence of the profile, the avatar, the data export and the account deletion, in one place for review.</summary>
public static class ProfileTexts
{
    public static readonly ErrorKind ProfileNotFound = new(404, "PROFILE_NOT_FOUND", "No se encontró el perfil.");
    public static readonly ErrorKind AvatarNotFound = new(404, "AVATAR_NOT_FOUND", "No se encontró la imagen.");

    public static readonly ErrorKind UnsupportedImageType = new(415, "UNSUPPORTED_MEDIA_TYPE",
        "La imagen debe enviarse tal cual en el cuerpo, como image/jpeg, image/png o image/webp.");
    public static readonly ErrorKind ImageTooLarge = new(413, "PAYLOAD_TOO_LARGE", "La imagen no puede ocupar más de 5 MB.");
    public static readonly ErrorKind NotAnImage = new(400, "INVALID_IMAGE", "El archivo no es una imagen JPEG, PNG o WebP válida, o está dañado.");
    public static readonly ErrorKind TooManyPixels = new(400, "IMAGE_DIMENSIONS_TOO_LARGE", "La imagen tiene demasiados píxeles: como máximo 50 megapíxeles.");
    public static readonly ErrorKind ImagesUnavailable = new(503, "IMAGES_UNAVAILABLE", "Ahora mismo no se pueden procesar imágenes. Inténtalo de nuevo más tarde.");

    public static readonly ErrorKind PasswordRequired = new(400, "PASSWORD_REQUIRED", "Escribe tu contraseña para confirmar que quieres eliminar tu cuenta.");
    public static readonly ErrorKind WrongPassword = new(400, "INVALID_PASSWORD", "La contraseña no es correcta.");
    public static readonly ErrorKind FreshSessionRequired = new(403, "SESSION_NOT_FRESH",
        "Por seguridad, vuelve a iniciar sesión y elimina tu cuenta en los 15 minutos siguientes.");
    public static readonly ErrorKind LastAdmin = new(409, "LAST_ADMIN",
        "Eres la única cuenta de administración activa: nombra antes a otra persona administradora para poder eliminar tu cuenta.");

    // Field errors of PATCH /api/user/me.
    public static string ReadOnlyField(string field) => $"«{field}» no se puede cambiar aquí.";
    public static string UnknownField(string field) => $"«{field}» no es un dato del perfil.";
    public const string NameRequired = "El nombre no puede estar vacío.";
    public static string NameTooLong(int max) => $"El nombre no puede superar los {max} caracteres.";
    public const string NoControlCharacters = "Este campo no puede contener saltos de línea ni otros caracteres de control.";
    public const string BioControlCharacters = "La biografía solo admite saltos de línea; ningún otro carácter de control.";
    public const string ImageInvalid = "La imagen debe ser una URL https (o null para quitarla); para subir una foto, usa PUT /api/user/me/avatar.";
    public const string ProfileRequired = "«profile» debe ser un objeto con los datos que quieras cambiar.";
    public const string TypeInvalid = "El tipo debe ser «professional» o «empresa».";
    public static string TooLong(int max) => $"Este campo no puede superar los {max} caracteres.";
    public const string TooManyLinks = "Puedes indicar como máximo 5 enlaces.";
    public const string LinkInvalid = "Cada enlace debe ser una URL https completa.";
    public const string OrcidInvalid = "El ORCID no es válido: debe tener la forma 0000-0002-1825-0097 y un dígito de control correcto.";
    public const string EmailDigestRequired = "«emailDigest» debe ser true o false.";

    public const string AccountDeletedSubject = "Tu cuenta se ha eliminado";

    // The OpenAPI document.
    public const string Tag = "Perfil";
    public const string GetMeSummary = "Mi cuenta y mi perfil";
    public const string GetMeDescription = "Si aún no has guardado tu perfil y tu correo estaba en la lista de espera, type, field y company vienen de allí.";
    public const string UpdateMeSummary = "Cambiar mi nombre, mi imagen o los datos de mi perfil";
    public const string UpdateMeDescription = "Solo cambia lo que se envía; null borra un dato (salvo name y emailDigest). Los datos del perfil van dentro de «profile». " +
        "Cualquier otro campo (role, email, emailVerified...) es un 400 que lo nombra. bio admite saltos de línea; ningún texto admite otros caracteres de control.";
    public const string UploadAvatarSummary = "Subir mi foto de perfil";
    public const string UploadAvatarDescription = "El cuerpo es la imagen tal cual (image/jpeg, image/png o image/webp, hasta 5 MB y 50 megapíxeles). " +
        "Se recorta al centro, se reduce a 256×256 y se guarda como JPEG sin metadatos; user.image pasa a apuntar a ella.";
    public const string GetAvatarSummary = "Foto de perfil";
    public const string GetAvatarDescription = "JPEG de 256×256. La URL cambia con cada foto nueva, así que se puede guardar en caché un año.";
    public const string ListMySessionsSummary = "Mis sesiones";
    public const string ListMySessionsDescription = "De la más reciente a la más antigua; current marca la de esta petición. active: true solo vigentes, false solo caducadas. " +
        "limit 1–100 (50 por defecto), offset desde 0.";
    public const string ExportMyDataSummary = "Descargar todos mis datos";
    public const string ExportMyDataDescription = "Un archivo JSON con todo lo que la plataforma guarda de ti: cuenta, sesiones (sin tokens), perfil y foto, " +
        "entrada en la lista de espera y correos que te hemos enviado o vamos a enviarte.";
    public const string DeleteMyAccountSummary = "Eliminar mi cuenta y todos mis datos";
    public const string DeleteMyAccountDescription = "Pide la contraseña ({ password }); una cuenta sin contraseña necesita una sesión iniciada hace menos de 15 minutos. " +
        "Borra la cuenta, el perfil, la foto, las sesiones, la entrada en la lista de espera y los correos pendientes, y envía un correo de confirmación.";
    public const string GetPublicProfileSummary = "Perfil público de otra persona";
    public const string GetPublicProfileDescription = "Lo que ven los demás usuarios: nombre, imagen y perfil, nunca el correo.";

    public const string ActiveParameter = "true: solo sesiones vigentes; false: solo caducadas.";
}
