using System.ComponentModel.DataAnnotations;

namespace Waitlist.Features.Waitlist;

/// <summary>The <c>Waitlist</c> section.</summary>
public sealed class WaitlistSettings
{
    /// <summary>waitlist.archive also archives entries older than this; 0 turns that rule off.</summary>
    [Range(0, 36500, ErrorMessage = "Waitlist:ArchiveAfterDays must be between 0 and 36500.")]
    public int ArchiveAfterDays { get; set; } = 365;
}
