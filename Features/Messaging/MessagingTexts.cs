namespace Waitlist.Features.Messaging;

/// <summary>Every Spanish sentence of messaging — its errors, the real-time hub's, the daily digest and the OpenAPI texts — in one place for review.</summary>
public static class MessagingTexts
{
    public static readonly ErrorKind ConversationNotFound = new(404, "CONVERSATION_NOT_FOUND", "No se encontró la conversación.");
    public static readonly ErrorKind UserNotFound = new(404, "USER_NOT_FOUND", "No se encontró a esa persona.");
    public static readonly ErrorKind MessageNotFound = new(404, "MESSAGE_NOT_FOUND", "Ese mensaje no está en esta conversación.");
    public static readonly ErrorKind CannotMessageYourself = new(400, "CANNOT_MESSAGE_YOURSELF", "No puedes empezar una conversación contigo.");
    public static readonly ErrorKind CannotBlockYourself = new(400, "CANNOT_BLOCK_YOURSELF", "No puedes bloquearte a ti.");
    public static readonly ErrorKind BlockedByUser = new(403, "BLOCKED_BY_USER", "Esta persona no acepta tus mensajes.");
    public static readonly ErrorKind UserBlocked = new(403, "USER_BLOCKED", "Has bloqueado a esta persona: desbloquéala para escribirle.");
    public static readonly ErrorKind ConversationClosed = new(409, "CONVERSATION_CLOSED",
        "La otra persona eliminó su cuenta: ya no se puede escribir en esta conversación.");

    // Field errors.
    public const string ParticipantRequired = "Indica con quién quieres hablar («participantId»).";
    public const string ParticipantInvalid = "«participantId» no tiene el formato de un identificador de usuario.";
    public const string BodyRequired = "El mensaje no puede estar vacío.";
    public const string BodyTooLong = "El mensaje no puede superar los 4.000 caracteres.";
    public const string BodyControlCharacters = "El mensaje solo admite saltos de línea y tabuladores; ningún otro carácter de control.";
    public static string ClientIdInvalid(int max) => $"«clientId» debe tener entre 1 y {max} caracteres visibles, sin espacios.";
    public const string LastMessageIdRequired = "Indica el último mensaje leído («lastMessageId»).";
    public const string CursorInvalid = "«cursor» no es válido: usa el nextCursor de la página anterior.";
    public const string MessageIdInvalid = "Debe ser el identificador de un mensaje (un número entero positivo).";

    /// <summary>Who a participant or sender whose account was deleted appears as.</summary>
    public const string DeletedAccount = "Cuenta eliminada";

    public static string DigestSubject(int messages) => messages == 1 ? "Tienes 1 mensaje sin leer" : $"Tienes {messages} mensajes sin leer";
    public static string DigestCount(int messages) => messages == 1 ? "1 mensaje" : $"{messages} mensajes";

    // The OpenAPI document.
    public const string Tag = "Mensajes";
    public const string StartConversationSummary = "Empezar una conversación (o abrir la que ya existe)";
    public const string StartConversationDescription = "Una sola conversación por pareja: 201 si se crea, 200 con la que ya existía. " +
        "message (opcional) se envía como primer mensaje; clientId lo hace reintentable sin duplicarlo. " +
        "No puedes escribirte a ti (400), a alguien que no existe (404) ni a quien te ha bloqueado o has bloqueado (403).";
    public const string ListConversationsSummary = "Mis conversaciones";
    public const string ListConversationsDescription = "De la más reciente a la más antigua (la del último mensaje primero), con el último mensaje y " +
        "cuántos no has leído. Para la página siguiente, pasa nextCursor como cursor; null cuando no hay más.";
    public const string ListMessagesSummary = "Mensajes de una conversación";
    public const string ListMessagesDescription = "Del más reciente al más antiguo. before=nextCursor trae los anteriores; after=id trae solo los posteriores " +
        "a ese mensaje (para ponerse al día tras una reconexión). Una conversación de la que no formas parte es un 404.";
    public const string SendMessageSummary = "Enviar un mensaje";
    public const string SendMessageDescription = "body de 1 a 4.000 caracteres (se admiten \\n y \\t, ningún otro carácter de control). " +
        "Con clientId, repetir la petición devuelve el mismo mensaje (200) en lugar de crear otro. Límite: 30 mensajes por minuto.";
    public const string MarkReadSummary = "Marcar como leída una conversación hasta un mensaje";
    public const string MarkReadDescription = "La marca solo avanza: un lastMessageId anterior al ya leído no cambia nada. Avisa en tiempo real a los participantes.";
    public const string UnreadCountSummary = "Cuántos mensajes no he leído";
    public const string BlockUserSummary = "Bloquear a una persona";
    public const string BlockUserDescription = "Deja de poder escribirte (403). Tus conversaciones no cambian. Bloquear dos veces no es un error.";
    public const string UnblockUserSummary = "Desbloquear a una persona";
    public const string RealtimeSummary = "Tiempo real (SignalR): mensajes, lecturas, no leídos y «escribiendo»";
    public const string RealtimeDescription = "Un hub de SignalR (@microsoft/signalr), autenticado con la misma cookie de sesión de Better Auth " +
        "y solo desde un origen de confianza (Auth:TrustedOrigins). Conecta con new HubConnectionBuilder().withUrl(\"/api/realtime\"); " +
        "la negociación es POST /api/realtime/negotiate. Eventos del servidor: " +
        "message.created { conversationId, message } (también a tus otras pestañas); " +
        "conversation.read { conversationId, userId, lastMessageId }; unread.changed { unread }; typing { conversationId, userId }; " +
        "sync.required (sin datos: pudo perderse algún evento; vuelve a leer las conversaciones y, de la abierta, GET …/messages?after=último id). " +
        "Del cliente: send(\"typing\", { conversationId }), como mucho uno cada 2 s por conexión (los demás se descartan). " +
        "Cada instancia entrega todos los eventos. Una conexión se cierra en segundos cuando su sesión termina o se revoca, o cuando la cuenta se suspende.";
    public const string RealtimeSwitchingProtocols = "Conexión WebSocket establecida.";

    public const string CursorParameter = "El nextCursor de la página anterior.";
    public const string BeforeParameter = "Solo mensajes anteriores a este id (el nextCursor de la página anterior).";
    public const string AfterParameter = "Solo mensajes posteriores a este id (el último que tienes).";
    public const string ParticipantIdParameter = "La persona con quien hablar.";
    public const string FirstMessageParameter = "Primer mensaje (opcional), de 1 a 4.000 caracteres.";
    public const string BodyParameter = "El texto, de 1 a 4.000 caracteres.";
    public const string ClientIdParameter = "Identificador que elige el cliente (hasta 100 caracteres) para que un reintento no duplique el mensaje.";
    public const string LastMessageIdParameter = "El último mensaje que has leído.";
}
