using System.Diagnostics;
using System.Net.Sockets;

namespace Waitlist.Tests.Support;

/// <summary>
/// A real SMTP server (Debian's python3-aiosmtpd) that stores what it receives in a Maildir, for tests that
/// deliver email.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _mailDir;

    private SmtpTestServer(Process process, string mailDir, int port)
    {
        _process = process;
        _mailDir = mailDir;
        Port = port;
    }

    public int Port { get; }

    public static async Task<SmtpTestServer> StartAsync()
    {
        var port = FreePort();
        var mailDir = Directory.CreateTempSubdirectory("waitlist-smtp-").FullName;
        var process = Process.Start(new ProcessStartInfo("/usr/bin/python3",
            ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Mailbox", Path.Combine(mailDir, "maildir")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;

        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", port);
                return new SmtpTestServer(process, mailDir, port);
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        process.Kill();
        throw new InvalidOperationException("aiosmtpd did not start: " + await process.StandardError.ReadToEndAsync());
    }

    /// <summary>The raw RFC 5322 messages received so far.</summary>
    public IReadOnlyList<string> Messages()
    {
        var inbox = Path.Combine(_mailDir, "maildir", "new");
        return Directory.Exists(inbox) ? Directory.GetFiles(inbox).Select(File.ReadAllText).ToList() : [];
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        Directory.Delete(_mailDir, recursive: true);
    }
}
