using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Waitlist.Infrastructure.Email;

namespace Waitlist.Tests.Infrastructure;

public sealed class SmtpEmailSenderTests
{
    [Fact]
    public async Task Delivers_a_message_to_a_real_smtp_server()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        var sender = new SmtpEmailSender(
            new SmtpSettings { Host = "127.0.0.1", Port = smtp.Port, EnableSsl = false, From = "Waitlist <no-reply@example.com>" },
            new TestEnvironment(), NullLogger<SmtpEmailSender>.Instance);
        var message = new EmailTemplates().Render("WaitlistConfirmation", "ana@example.com", "Ya estás en la lista de espera",
            new { Name = "Ana Núñez", Position = 7, Email = "ana@example.com", Field = "Química" });

        await sender.SendAsync(message, CancellationToken.None);

        var received = Assert.Single(smtp.Messages());
        Assert.Contains("To: ana@example.com", received);
        Assert.Contains("From: \"Waitlist\" <no-reply@example.com>", received);
        Assert.Contains("text/html", received);
        Assert.Contains("text/plain", received);
    }

    private sealed class TestEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";
        public string ApplicationName { get; set; } = "Waitlist";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
