using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Console;

namespace Waitlist.Infrastructure.Logging;

public static class LoggingSetup
{
    /// <summary>
    /// Console logs as the framework formats and configures them (Logging:Console, its formatters), written by
    /// <see cref="BatchedConsoleLoggerProvider"/> in place of the framework's console logger; and the same logs as
    /// events, for diagnostic tools that attach to the process (dotnet-monitor, dotnet-trace), which the slim host
    /// would otherwise leave out.
    /// </summary>
    public static WebApplicationBuilder AddConsoleLogging(this WebApplicationBuilder builder)
    {
        builder.Logging.AddConsole().AddEventSourceLogger();
        foreach (var framework in builder.Services.Where(service => service.ImplementationType == typeof(ConsoleLoggerProvider)).ToArray())
            builder.Services.Remove(framework);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ILoggerProvider, BatchedConsoleLoggerProvider>());
        return builder;
    }
}
