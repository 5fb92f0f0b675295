using System.Runtime.InteropServices;

namespace Waitlist.Infrastructure.Runtime;

/// <summary>
/// Gives back to the system, every <see cref="Interval"/>, the memory that glibc's allocator holds free. glibc returns
/// free space at the top of a heap by itself, but what a burst frees below it stays in the process for good: the
/// JIT's working memory while code tiers up under load, libvips' and its libraries' buffers. jemalloc returns such
/// pages after 10 seconds by default; this does the same for glibc. In a side-by-side run that is 12–20 MB of the
/// API's RSS (README, "Runtime tuning"). Each pass takes a few milliseconds on one thread-pool thread.
/// </summary>
internal sealed partial class NativeHeapTrimmer(ILogger<NativeHeapTrimmer> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!OperatingSystem.IsLinux())
            return;
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
                malloc_trim(0);
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            logger.LogInformation("The C library is not glibc; its allocator returns memory by its own rules");
        }
    }

    /// <param name="pad">Free bytes to leave at the top of the main heap.</param>
    /// <returns>1 when some memory went back to the system.</returns>
    [LibraryImport("libc.so.6")]
    private static partial int malloc_trim(nuint pad);
}

public static class NativeHeapTrimming
{
    public static IServiceCollection AddNativeHeapTrimming(this IServiceCollection services) =>
        services.AddHostedService<NativeHeapTrimmer>();
}
