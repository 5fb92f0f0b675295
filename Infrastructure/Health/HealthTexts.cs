namespace Waitlist.Infrastructure.Health;

/// <summary>Every Spanish sentence /health says: its OpenAPI tag and summary.</summary>
public static class HealthTexts
{
    /// <summary>The operator's routes (as /api/cron's).</summary>
    public const string Tag = "Operación";

    public const string Summary = "Estado del servicio y de su base de datos";
}
