using System.Net;
using System.Net.Mail;
using System.Net.Mime;

namespace Waitlist.Infrastructure.Email;

/// <summary>
/// Sends one message through the configured SMTP server. Without <c>Smtp:Host</c> nothing is delivered: the
/// message is logged instead — in Development with its body, so links can be followed; elsewhere without it,
/// because bodies carry tokens.
/// </summary>
public sealed class SmtpEmailSender(SmtpSettings settings, IHostEnvironment environment, ILogger<SmtpEmailSender> logger)
{
    /// <summary>SmtpClient's own default is 100 s; a server that slow is down, and the outbox retries later.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(settings.Host))
        {
            if (environment.IsDevelopment())
                logger.LogInformation("SMTP not configured; email to {To} «{Subject}»:\n{Body}", message.To, message.Subject, message.TextBody);
            else
                logger.LogWarning("SMTP not configured; email to {To} «{Subject}» was not delivered", message.To, message.Subject);
            return;
        }

        using var mail = new MailMessage(settings.From, message.To) { Subject = message.Subject, Body = message.TextBody };
        foreach (var (name, value) in message.Headers)
            mail.Headers.Add(name, value);
        mail.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(message.HtmlBody, System.Text.Encoding.UTF8, MediaTypeNames.Text.Html));
        using var client = new SmtpClient(settings.Host, settings.Port) { EnableSsl = settings.EnableSsl, Timeout = (int)Timeout.TotalMilliseconds };
        if (!string.IsNullOrEmpty(settings.User))
            client.Credentials = new NetworkCredential(settings.User, settings.Password);
        await client.SendMailAsync(mail, cancellationToken);
    }
}
