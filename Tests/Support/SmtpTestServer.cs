using System.Diagnostics;
using System.Net.Sockets;

namespace Waitlist.Tests.Support;

/// <summary>
/// A real SMTP server (Debian's python3-aiosmtpd) that stores what it receives in a Maildir, for tests that
/// deliver email. <see cref="StartRefusingAsync"/> starts one that answers 451 until <see cref="AcceptFromNowOn"/>.
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

    public static Task<SmtpTestServer> StartAsync() => StartAsync("aiosmtpd.handlers.Mailbox", []);

    /// <summary>A server that refuses every message with "451" (and counts it in <see cref="Refusals"/>) until <see cref="AcceptFromNowOn"/>.</summary>
    public static Task<SmtpTestServer> StartRefusingAsync() => StartAsync("refusing_smtp.RefusingMailbox", [AcceptFlag]);

    private const string AcceptFlag = "accept";

    private static async Task<SmtpTestServer> StartAsync(string handler, string[] extraArguments)
    {
        var port = FreePort();
        var mailDir = Directory.CreateTempSubdirectory("waitlist-smtp-").FullName;
        var start = new ProcessStartInfo("/usr/bin/python3",
            ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c", handler, Path.Combine(mailDir, "maildir"), .. extraArguments.Select(a => Path.Combine(mailDir, a))])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["PYTHONPATH"] = SupportDirectory();
        var process = Process.Start(start)!;

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

    /// <summary>How many messages a refusing server has turned away so far.</summary>
    public int Refusals()
    {
        var log = Path.Combine(_mailDir, "maildir.refusals");
        return File.Exists(log) ? File.ReadAllLines(log).Length : 0;
    }

    /// <summary>From now on a refusing server accepts messages.</summary>
    public void AcceptFromNowOn() => File.WriteAllText(Path.Combine(_mailDir, AcceptFlag), "");

    private static string SupportDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

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
