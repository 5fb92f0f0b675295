using System.Runtime.InteropServices;

namespace Waitlist.Infrastructure.Images;

/// <summary>
/// The few libvips and GLib entry points the wrapper uses. libvips' operations are C variadic functions
/// (<c>vips_jpegsave_buffer(in, &amp;buf, &amp;len, "Q", 80, ..., NULL)</c>); each is declared here with the
/// option pairs it is called with as fixed arguments, ending in the NULL terminator. That is sound on the
/// 64-bit Linux ABIs (x86-64 System V, AArch64) because integer and pointer variadic arguments travel exactly
/// like named ones there; never pass a <c>double</c> option this way.
/// </summary>
internal static unsafe partial class VipsNative
{
    public const string Library = "libvips.so.42";
    private const string GObject = "libgobject-2.0.so.0";
    private const string GLib = "libglib-2.0.so.0";

    public const int FormatUChar = 0;            // VIPS_FORMAT_UCHAR
    public const int InterpretationSrgb = 22;    // VIPS_INTERPRETATION_sRGB
    public const int InterestingCentre = 1;      // VIPS_INTERESTING_CENTRE
    /// <summary>Load options for an untrusted file: a truncated or corrupt one is an error, not an image with a grey patch.</summary>
    public const string FailOnErrorLoadOptions = "fail_on=error";

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int vips_init(string argv0);

    [LibraryImport(Library)]
    public static partial int vips_version(int flag);

    [LibraryImport(Library)]
    public static partial nint vips_error_buffer();

    [LibraryImport(Library)]
    public static partial void vips_error_clear();

    [LibraryImport(Library)]
    public static partial void vips_cache_set_max(int max);

    [LibraryImport(Library)]
    public static partial int vips_tracked_get_allocs();

    [LibraryImport(Library)]
    public static partial nuint vips_tracked_get_mem();

    [LibraryImport(Library)]
    public static partial int vips_image_get_width(SafeHandle image);

    [LibraryImport(Library)]
    public static partial int vips_image_get_height(SafeHandle image);

    [LibraryImport(Library)]
    public static partial int vips_image_get_bands(SafeHandle image);

    [LibraryImport(Library)]
    public static partial int vips_image_hasalpha(SafeHandle image);

    [LibraryImport(Library)]
    public static partial nint vips_image_copy_memory(SafeHandle image);

    [LibraryImport(Library)]
    public static partial nint vips_image_new_from_memory_copy(byte* data, nuint size, int width, int height, int bands, int format);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint vips_image_new_from_buffer(byte* buffer, nuint length, string optionString, nint end);

    /// <returns>The class name of the loader that recognises the buffer (e.g. <c>VipsForeignLoadPngBuffer</c>), owned by libvips; 0 when none does.</returns>
    [LibraryImport(Library)]
    public static partial nint vips_foreign_find_load_buffer(byte* buffer, nuint length);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int vips_thumbnail_buffer(byte* buffer, nuint length, out nint image, int width,
        string heightName, int height, string cropName, int crop, string optionStringName, string optionString, nint end);

    [LibraryImport(Library)]
    public static partial int vips_svgload_buffer(byte* buffer, nuint length, out nint image, nint end);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int vips_thumbnail_image(SafeHandle input, out nint output, int width,
        string heightName, int height, string cropName, int crop, nint end);

    [LibraryImport(Library)]
    public static partial int vips_colourspace(SafeHandle input, out nint output, int space, nint end);

    [LibraryImport(Library, EntryPoint = "vips_flatten", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int vips_flatten_onto(SafeHandle input, out nint output, string backgroundName, nint background, nint end);

    /// <returns>A VipsArrayDouble (a reference-counted VipsArea) holding a copy of the values; release it with <see cref="vips_area_unref"/>.</returns>
    [LibraryImport(Library)]
    public static partial nint vips_array_double_new(double* values, int count);

    [LibraryImport(Library)]
    public static partial void vips_area_unref(nint area);

    [LibraryImport(Library)]
    public static partial int vips_cast(SafeHandle input, out nint output, int format, nint end);

    [LibraryImport(Library, EntryPoint = "vips_extract_band", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int vips_extract_bands(SafeHandle input, out nint output, int band, string countName, int count, nint end);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int vips_ifthenelse(SafeHandle condition, SafeHandle then, SafeHandle otherwise, out nint output,
        string blendName, int blend, nint end);

    [LibraryImport(Library)]
    public static partial int vips_extract_band(SafeHandle input, out nint output, int band, nint end);

    [LibraryImport(Library)]
    public static partial int vips_extract_area(SafeHandle input, out nint output, int left, int top, int width, int height, nint end);

    [LibraryImport(Library)]
    public static partial int vips_avg(SafeHandle input, out double average, nint end);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int vips_jpegsave_buffer(SafeHandle input, out nint buffer, out nuint length,
        string qualityName, int quality, string optimizeCodingName, int optimizeCoding,
        string interlaceName, int interlace, string stripName, int strip, nint end);

    [LibraryImport(Library)]
    public static partial int vips_pngsave_buffer(SafeHandle input, out nint buffer, out nuint length, nint end);

    [LibraryImport(GObject)]
    public static partial void g_object_unref(nint handle);

    [LibraryImport(GLib)]
    public static partial void g_free(nint memory);

    [LibraryImport(GLib, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int g_setenv(string variable, string value, int overwrite);
}
