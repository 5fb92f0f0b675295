using System.ComponentModel.DataAnnotations;

namespace Waitlist.Infrastructure.RateLimiting;

/// <summary>
/// <c>RateLimits:Store</c>: where the counters live. <c>Postgres</c> (the default) shares them among every instance on
/// the database; <c>Memory</c> keeps them in this process, for a single instance. The policies' own limits are the
/// <c>RateLimits:&lt;policy&gt;</c> subsections (<see cref="RateLimitRule"/>).
/// </summary>
public sealed class RateLimitSettings : IValidatableObject
{
    public const string Postgres = "Postgres";
    public const string Memory = "Memory";

    public string Store { get; set; } = Postgres;

    public bool IsShared => Store.Equals(Postgres, StringComparison.OrdinalIgnoreCase);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IsShared && !Store.Equals(Memory, StringComparison.OrdinalIgnoreCase))
            yield return new ValidationResult(
                $"RateLimits:Store must be {Postgres} (counters shared by every instance) or {Memory} (this instance only), not '{Store}'.");
    }
}
