namespace Waitlist.Features.Cron;

/// <summary>Every Spanish sentence the scheduled jobs say, in one place for review.</summary>
public static class CronTexts
{
    public static readonly ErrorKind Unauthorized = new(401, "CRON_UNAUTHORIZED",
        "Falta el token del cron o no es válido. Envía la cabecera «Authorization: Bearer <CRON_SECRET>».");

    // Says nothing about which jobs exist: only an authorised caller gets this far, but its logs may be public.
    public static readonly ErrorKind UnknownJob = new(404, "CRON_JOB_NOT_FOUND", "No existe ninguna tarea programada con ese nombre.");

    public static string JobFailed(long runId) =>
        $"La tarea falló (ejecución n.º {runId}). El detalle está en la tabla cron_runs y en el registro del servidor.";

    // The OpenAPI document.
    public const string Tag = "Operación";
    public const string RunSummary = "Ejecutar las tareas programadas";
    public const string RunDescription =
        "Para un programador externo (Vercel Cron, GitHub Actions, crontab con curl). Sin «job» ejecuta todas las tareas; " +
        "con «job» solo esa. Cada tarea toma un bloqueo en PostgreSQL: si otra llamada ya la está ejecutando, se informa como «skipped». " +
        "Una tarea que falla se informa como «failed» y las demás se ejecutan igualmente. GET y POST hacen lo mismo.";
    public const string JobParameter = "Nombre de una sola tarea (p. ej. sessions.cleanup). Sin él se ejecutan todas.";
    public const string SecuritySchemeDescription =
        "El valor de CRON_SECRET (Cron:Secret) en la cabecera «Authorization: Bearer <CRON_SECRET>». Sin secreto configurado, /api/cron rechaza todas las llamadas.";
}
