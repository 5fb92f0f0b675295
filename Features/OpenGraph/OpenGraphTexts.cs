namespace Waitlist.Features.OpenGraph;

/// <summary>Every Spanish sentence the preview image feature says, in one place for review.</summary>
public static class OpenGraphTexts
{
    public static readonly ErrorKind Unavailable = new(503, "PREVIEW_UNAVAILABLE",
        "La imagen de vista previa no está disponible en este momento. Inténtalo de nuevo más tarde.");

    public static readonly ErrorKind Busy = new(503, "PREVIEW_BUSY",
        "Estamos generando muchas imágenes de vista previa en este momento. Inténtalo de nuevo en unos segundos.");

    public const string TitleTooLong = "El título no puede superar los 100 caracteres.";
    public const string SubtitleTooLong = "El subtítulo no puede superar los 100 caracteres.";

    // The OpenAPI document.
    public const string Tag = "OpenGraph";
    public const string EndpointSummary = "Imagen de vista previa para redes sociales (OpenGraph)";
    public const string EndpointDescription =
        "Devuelve una imagen JPEG progresiva de 1200×630 píxeles (como máximo 600 KB) con el título y el subtítulo " +
        "sobre el fondo de la marca. Sin parámetros muestra los textos por defecto. La respuesta se puede guardar " +
        "en caché para siempre: los mismos parámetros dan siempre los mismos bytes y el mismo ETag. Cada imagen que aún " +
        "no se ha generado cuenta contra un límite por cliente (429 al superarlo); las ya generadas no tienen límite.";
    public const string TitleParameter = "Título de la página (como máximo 100 caracteres); se ajusta a tres líneas como máximo.";
    public const string SubtitleParameter = "Subtítulo (como máximo 100 caracteres); se ajusta a tres líneas como máximo.";
}
