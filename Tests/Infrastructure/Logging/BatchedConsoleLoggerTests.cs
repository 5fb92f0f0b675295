using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Waitlist.Infrastructure.Logging;

namespace Waitlist.Tests.Infrastructure.Logging;

public sealed class BatchedConsoleLoggerTests
{
    private static (BatchedConsoleLoggerProvider Provider, MemoryStream Output) Console(string formatter, MemoryStream? output = null)
    {
        var services = new ServiceCollection().AddLogging(logging => logging.AddConsole(options => options.FormatterName = formatter)).BuildServiceProvider();
        output ??= new MemoryStream();
        return (new BatchedConsoleLoggerProvider(services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>(),
            services.GetServices<ConsoleFormatter>(), output), output);
    }

    private static void LogFromThreads(ILogger logger, int threads, int lines) =>
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, thread =>
        {
            for (var line = 0; line < lines; line++)
                logger.LogInformation(new EventId(7), "Hilo {Thread}, línea {Line}: señal", thread, line);
        });

    private static void AssertEveryLineInOrder(string text, int threads, int lines)
    {
        var written = text.Split('\n');
        for (var thread = 0; thread < threads; thread++)
        {
            var mine = written.Where(line => line.StartsWith($"      Hilo {thread},", StringComparison.Ordinal)).ToArray();
            Assert.Equal(Enumerable.Range(0, lines).Select(line => $"      Hilo {thread}, línea {line}: señal"), mine);
        }
        Assert.Equal(threads * lines, written.Count(line => line == "info: Prueba[7]"));
    }

    /// <summary>Standard output that takes nothing until it is opened, as a full pipe does.</summary>
    private sealed class StuckOutput(ManualResetEventSlim open) : MemoryStream
    {
        public override void Write(ReadOnlySpan<byte> buffer)
        {
            open.Wait();
            base.Write(buffer);
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }
    }

    [Fact]
    public void Every_line_from_every_thread_is_written_in_the_framework_format_and_in_each_threads_order()
    {
        var (provider, output) = Console(ConsoleFormatterNames.Simple);
        var logger = provider.CreateLogger("Prueba");

        LogFromThreads(logger, 4, 5_000);
        logger.LogError(new InvalidOperationException("fallo"), "Con excepción");
        provider.Dispose();

        var text = Encoding.UTF8.GetString(output.ToArray());
        AssertEveryLineInOrder(text, 4, 5_000);
        Assert.Contains("fail: Prueba[0]\n      Con excepción\n      System.InvalidOperationException: fallo", text);
    }

    [Fact]
    public async Task Lines_logged_while_the_output_is_stuck_wait_for_room_and_none_is_lost()
    {
        using var open = new ManualResetEventSlim();
        var (provider, output) = Console(ConsoleFormatterNames.Simple, new StuckOutput(open));
        var logger = provider.CreateLogger("Prueba");

        var logging = Task.Run(() => LogFromThreads(logger, 4, 4_000));
        await Task.Delay(500);
        var waitedForRoom = !logging.IsCompleted;
        open.Set();
        await logging;
        provider.Dispose();

        Assert.True(waitedForRoom, "16,000 lines fit in the queue while nothing was written");
        AssertEveryLineInOrder(Encoding.UTF8.GetString(output.ToArray()), 4, 4_000);
    }

    [Fact]
    public void The_configured_formatter_writes_the_lines()
    {
        var (provider, output) = Console(ConsoleFormatterNames.Json);

        provider.CreateLogger("Prueba").LogWarning("Aviso {Code}", "X");
        provider.Dispose();

        var entry = JsonDocument.Parse(Encoding.UTF8.GetString(output.ToArray())).RootElement;
        Assert.Equal("Warning", entry.GetProperty("LogLevel").GetString());
        Assert.Equal("Aviso X", entry.GetProperty("Message").GetString());
    }

    [Fact]
    public async Task The_api_logs_through_it_in_place_of_the_framework_console_logger()
    {
        await using var api = await ApiFactory.StartAsync();

        var providers = api.Services.GetServices<ILoggerProvider>().Select(provider => provider.GetType()).ToArray();

        Assert.Contains(typeof(BatchedConsoleLoggerProvider), providers);
        Assert.DoesNotContain(typeof(ConsoleLoggerProvider), providers);
    }
}
