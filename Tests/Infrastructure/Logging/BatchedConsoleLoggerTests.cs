using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Waitlist.Infrastructure.Logging;

namespace Waitlist.Tests.Infrastructure.Logging;

public sealed class BatchedConsoleLoggerTests
{
    private static (BatchedConsoleLoggerProvider Provider, MemoryStream Output) Console(string formatter)
    {
        var services = new ServiceCollection().AddLogging(logging => logging.AddConsole(options => options.FormatterName = formatter)).BuildServiceProvider();
        var output = new MemoryStream();
        return (new BatchedConsoleLoggerProvider(services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>(),
            services.GetServices<ConsoleFormatter>(), output), output);
    }

    [Fact]
    public void Every_line_from_every_thread_is_written_in_the_framework_format_and_in_each_threads_order()
    {
        var (provider, output) = Console(ConsoleFormatterNames.Simple);
        var logger = provider.CreateLogger("Prueba");

        Parallel.For(0, 4, thread =>
        {
            for (var line = 0; line < 5_000; line++)
                logger.LogInformation(new EventId(7), "Hilo {Thread}, línea {Line}: señal", thread, line);
        });
        logger.LogError(new InvalidOperationException("fallo"), "Con excepción");
        provider.Dispose();

        var text = Encoding.UTF8.GetString(output.ToArray());
        var lines = text.Split('\n');
        for (var thread = 0; thread < 4; thread++)
        {
            var mine = lines.Where(line => line.StartsWith($"      Hilo {thread},", StringComparison.Ordinal)).ToArray();
            Assert.Equal(Enumerable.Range(0, 5_000).Select(line => $"      Hilo {thread}, línea {line}: señal"), mine);
        }
        Assert.Equal(20_000, lines.Count(line => line == "info: Prueba[7]"));
        Assert.Contains("fail: Prueba[0]\n      Con excepción\n      System.InvalidOperationException: fallo", text);
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
