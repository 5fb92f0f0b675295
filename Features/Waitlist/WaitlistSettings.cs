using System.ComponentModel.DataAnnotations;

namespace Waitlist.Features.Waitlist;

/// <summary>The <c>Waitlist</c> section.</summary>
public sealed class WaitlistSettings
{
    /// <summary>waitlist.archive also archives entries older than this; 0 turns that rule off.</summary>
    [Range(0, 36500, ErrorMessage = "Waitlist:ArchiveAfterDays must be between 0 and 36500.")]
    public int ArchiveAfterDays { get; set; } = 365;
}

/// <summary>The <c>Reports</c> section: who receives waitlist.weekly-report, and in which time zone weeks start.</summary>
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
