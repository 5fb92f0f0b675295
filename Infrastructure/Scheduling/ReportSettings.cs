using System.ComponentModel.DataAnnotations;

namespace Waitlist.Infrastructure.Scheduling;

/// <summary>
/// The <c>Reports</c> section, read by the scheduled jobs that send reports: who receives waitlist.weekly-report, and the
/// time zone in which their days and weeks start (waitlist.weekly-report's weeks, messages.daily-digest's days).
/// </summary>
public sealed class ReportSettings : IValidatableObject
{
    /// <summary>When empty, the team (staff and admin users) receives the report.</summary>
    public string[] Recipients { get; set; } = [];

    public string TimeZone { get; set; } = "Europe/Madrid";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
            yield return new ValidationResult($"Reports:TimeZone: '{TimeZone}' is not a known time zone (use an IANA name such as Europe/Madrid).");
    }
}
