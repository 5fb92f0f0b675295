using System.Reflection;
using System.Runtime.InteropServices;

namespace Waitlist.Infrastructure.Images;

/// <summary>
/// Whether libvips could be loaded and initialised in this process. The API starts without it: features that
/// draw images ask <see cref="IsAvailable"/> and answer 503 instead, and the start-up log says what to install.
/// </summary>
public sealed class LibVips
{
    public const string InstallHint = "sudo apt-get install libvips42";

    private static readonly Lock InitLock = new();
    private static nint _resolved;
    private static bool _resolverSet;
    private static bool _initialised;

    private LibVips(bool isAvailable, string? version, string? problem)
    {
        IsAvailable = isAvailable;
        Version = version;
        Problem = problem;
    }

    public bool IsAvailable { get; }

    /// <summary>"8.14.1" when loaded.</summary>
    public string? Version { get; }

    /// <summary>Why libvips is unavailable, with the command that fixes it.</summary>
    public string? Problem { get; }

    /// <summary>
    /// Loads <paramref name="library"/> (a file name such as <c>libvips.so.42</c> or a full path) and initialises
    /// libvips once per process. Never throws.
    /// </summary>
    public static LibVips Load(string library)
    {
        lock (InitLock)
        {
            if (!NativeLibrary.TryLoad(library, out var handle) && !NativeLibrary.TryLoad(library, Assembly.GetExecutingAssembly(), null, out handle))
                return Unavailable($"libvips could not be loaded from '{library}'. Install it with: {InstallHint} (Debian/Ubuntu), or set Images:LibVips to its path.");

            // Every P/Invoke names libvips.so.42; route it to the library that was found (it may be a custom path).
            _resolved = handle;
            if (!_resolverSet)
            {
                NativeLibrary.SetDllImportResolver(typeof(LibVips).Assembly, (name, _, _) => name == VipsNative.Library ? _resolved : 0);
                _resolverSet = true;
            }

            try
            {
                if (!_initialised)
                {
                    // libvips loads every module under $VIPSHOME/lib/vips-modules-8.x as it starts: Debian's are the
                    // HEIF, JPEG XL, ImageMagick, OpenSlide and PDF loaders, which bring some forty libraries of their
                    // own. Nothing here reads those formats (uploads are refused before decoding unless JPEG, PNG or
                    // WebP). The API's directory holds no modules, so a VIPSHOME there keeps them out of the process;
                    // an environment that sets VIPSHOME keeps its own.
                    VipsNative.g_setenv("VIPSHOME", AppContext.BaseDirectory, overwrite: 0);
                    if (VipsNative.vips_init("waitlist") != 0)
                        return Unavailable($"libvips was found but failed to initialise. Reinstall it with: {InstallHint}");
                    // The operation cache would keep recent images (and their memory) alive and could match a
                    // buffer by address; every render here is new, so nothing is gained by caching operations.
                    VipsNative.vips_cache_set_max(0);
                    _initialised = true;
                }
                return new LibVips(true, $"{VipsNative.vips_version(0)}.{VipsNative.vips_version(1)}.{VipsNative.vips_version(2)}", null);
            }
            catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
            {
                return Unavailable($"libvips is incomplete ({exception.Message}). Install it with: {InstallHint}");
            }
        }
    }

    /// <summary>
    /// Pixel memory libvips holds right now (its tracked allocations: every image held in memory), for leak checks.
    /// Only meaningful when <see cref="IsAvailable"/>.
    /// </summary>
    public static (int Allocations, long Bytes) TrackedMemory() =>
        (VipsNative.vips_tracked_get_allocs(), (long)VipsNative.vips_tracked_get_mem());

    private static LibVips Unavailable(string problem) => new(false, null, problem);
}
