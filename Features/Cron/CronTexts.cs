using Waitlist.Infrastructure.Errors;

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
