using System.ComponentModel.DataAnnotations;
using System.Net.Mail;

namespace Waitlist.Infrastructure.Email;

/// <summary>The <c>Smtp</c> section; without a host, emails are written to the log.</summary>
public sealed class SmtpSettings : IValidatableObject
{
    public string? Host { get; set; }

    [Range(1, 65535, ErrorMessage = "Smtp:Port must be between 1 and 65535.")]
    public int Port { get; set; } = 587;

    public string? User { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "Waitlist <no-reply@localhost>";
    public bool EnableSsl { get; set; } = true;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!MailAddress.TryCreate(From, out _))
            yield return new ValidationResult($"Smtp:From: '{From}' is not an email address (Name <address@example.com>).");
    }
}

/// <summary>The <c>EmailOutbox</c> section.</summary>
public sealed class OutboxSettings
{
    /// <summary>Small enough that a batch of slow sends (each bounded by <see cref="SmtpEmailSender.Timeout"/>) ends well inside its lease.</summary>
    [Range(1, 100, ErrorMessage = "EmailOutbox:BatchSize must be between 1 and 100.")]
    public int BatchSize { get; set; } = 10;

    /// <summary>Upper bound of messages one delivery run attempts.</summary>
    [Range(1, 100_000, ErrorMessage = "EmailOutbox:MaxPerRun must be between 1 and 100000.")]
    public int MaxPerRun { get; set; } = 500;

    /// <summary>No new batch is claimed after this, so a slow SMTP server cannot keep one run going for hours.</summary>
    [Range(0, 3600, ErrorMessage = "EmailOutbox:MaxRunSeconds must be between 0 and 3600.")]
    public int MaxRunSeconds { get; set; } = 120;

    /// <summary>
    /// How often the API itself delivers what is due, so emails leave within seconds even when no scheduler calls
    /// <c>/api/cron</c>; 0 leaves delivery to the cron job alone.
    /// </summary>
    [Range(0, 3600, ErrorMessage = "EmailOutbox:PollSeconds must be between 0 and 3600.")]
    public int PollSeconds { get; set; } = 10;
}
