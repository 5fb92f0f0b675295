using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Waitlist.Infrastructure.Images;

/// <summary>
/// An owned reference to a libvips image, released (g_object_unref) when disposed or, failing that, finalised.
/// Every operation returns a new image and leaves its inputs untouched. Images made from caller memory are
/// copied into memory that libvips owns before the call returns, so no managed buffer stays pinned.
/// Methods are safe to call from several threads on the same image.
/// </summary>
public sealed class VipsImage : SafeHandleZeroOrMinusOneIsInvalid
{
    private VipsImage(nint handle) : base(ownsHandle: true) => SetHandle(handle);

    protected override bool ReleaseHandle()
    {
        VipsNative.g_object_unref(handle);
        return true;
    }

    public int Width => VipsNative.vips_image_get_width(this);
    public int Height => VipsNative.vips_image_get_height(this);
    public int Bands => VipsNative.vips_image_get_bands(this);
    public bool HasAlpha => VipsNative.vips_image_hasalpha(this) != 0;

    /// <summary>Decodes an encoded image (PNG, JPEG, or any format libvips reads) from memory.</summary>
    public static unsafe VipsImage Decode(ReadOnlySpan<byte> encoded)
    {
        fixed (byte* data = encoded)
        {
            var lazy = VipsNative.vips_image_new_from_buffer(data, (nuint)encoded.Length, "", 0);
            if (lazy == 0)
                throw VipsException.FromErrorBuffer("vips_image_new_from_buffer");
            using var image = new VipsImage(lazy);
            return image.InMemory();
        }
    }

    /// <summary>
    /// An image from an untrusted upload, scaled and centre-cropped to exactly <paramref name="width"/>×<paramref name="height"/>.
    /// Only the header is read before the checks: a format outside <paramref name="formats"/> (whatever else libvips
    /// could read: SVG, PDF, TIFF, ...) or more than <paramref name="maxPixels"/> pixels (a decompression bomb: a few KB
    /// that claim 20,000×20,000) is refused before a pixel is decoded. The decode itself shrinks as it reads (JPEG and
    /// WebP at load, PNG line by line), turns the image upright by its EXIF orientation, and fails on a truncated or
    /// corrupt file instead of filling the rest with grey.
    /// </summary>
    /// <exception cref="ImageRefusedException">Not an image of those formats, too many pixels, or undecodable.</exception>
    public static unsafe VipsImage ThumbnailUntrusted(ReadOnlySpan<byte> encoded, int width, int height, IReadOnlySet<ImageFormat> formats, long maxPixels)
    {
        fixed (byte* data = encoded)
        {
            var length = (nuint)encoded.Length;
            var loader = encoded.IsEmpty ? null : Marshal.PtrToStringUTF8(VipsNative.vips_foreign_find_load_buffer(data, length));
            if (loader is null || !Loaders.TryGetValue(loader, out var format) || !formats.Contains(format))
            {
                VipsNative.vips_error_clear();
                throw new ImageRefusedException(ImageRefusal.NotAnImage, $"No accepted loader for this buffer (libvips found {loader ?? "none"}).");
            }

            // Lazy: reads the header alone.
            var lazy = VipsNative.vips_image_new_from_buffer(data, length, "", 0);
            if (lazy == 0)
                throw Refused(VipsException.FromErrorBuffer("vips_image_new_from_buffer"));
            using (var header = new VipsImage(lazy))
            {
                if ((long)header.Width * header.Height > maxPixels)
                    throw new ImageRefusedException(ImageRefusal.TooManyPixels, $"{header.Width}×{header.Height} is over {maxPixels} pixels.");
            }

            // The loader's options travel in option_string: libvips 8.14's thumbnail takes a "fail_on" of its own but
            // does not pass it on, and a truncated file would then decode with a grey patch.
            var status = VipsNative.vips_thumbnail_buffer(data, length, out var output, width,
                "height", height, "crop", VipsNative.InterestingCentre, "option_string", VipsNative.FailOnErrorLoadOptions, 0);
            try
            {
                using var thumbnail = Wrap(status, output, "vips_thumbnail_buffer");
                // The pipeline reads the caller's buffer, which is pinned only inside this block: finish it here.
                return thumbnail.InMemory();
            }
            catch (VipsException exception)
            {
                throw Refused(exception);
            }
        }
    }

    private static readonly Dictionary<string, ImageFormat> Loaders = new(StringComparer.Ordinal)
    {
        ["VipsForeignLoadJpegBuffer"] = ImageFormat.Jpeg,
        ["VipsForeignLoadPngBuffer"] = ImageFormat.Png,
        ["VipsForeignLoadWebpBuffer"] = ImageFormat.WebP,
    };

    private static ImageRefusedException Refused(VipsException exception) => new(ImageRefusal.NotAnImage, exception.Message);

    /// <summary>Renders an SVG document (librsvg) to an RGBA image at its own width and height.</summary>
    public static unsafe VipsImage RenderSvg(ReadOnlySpan<byte> svg)
    {
        fixed (byte* data = svg)
        {
            using var image = Wrap(VipsNative.vips_svgload_buffer(data, (nuint)svg.Length, out var output, 0), output, "vips_svgload_buffer");
            return image.InMemory();
        }
    }

    /// <summary>An 8-bit image from interleaved pixels (<paramref name="bands"/> bytes per pixel, row by row).</summary>
    public static unsafe VipsImage FromPixels(ReadOnlySpan<byte> pixels, int width, int height, int bands)
    {
        if (pixels.Length != checked(width * height * bands))
            throw new ArgumentException("The pixel buffer does not match the dimensions.", nameof(pixels));
        fixed (byte* data = pixels)
        {
            var image = VipsNative.vips_image_new_from_memory_copy(data, (nuint)pixels.Length, width, height, bands, VipsNative.FormatUChar);
            return image == 0 ? throw VipsException.FromErrorBuffer("vips_image_new_from_memory_copy") : new VipsImage(image);
        }
    }

    /// <summary>Scales and centre-crops to exactly <paramref name="width"/>×<paramref name="height"/>.</summary>
    public VipsImage Cover(int width, int height) => Wrap(
        VipsNative.vips_thumbnail_image(this, out var output, width, "height", height, "crop", VipsNative.InterestingCentre, 0),
        output, "vips_thumbnail_image");

    /// <summary>
    /// 8-bit sRGB without alpha: what a JPEG holds. Transparent areas take the grey level <paramref name="background"/>
    /// (0 black, 255 white), blended by their alpha.
    /// </summary>
    public unsafe VipsImage ToOpaqueSrgb(byte background = 0)
    {
        // Into 8-bit sRGB first, so that the background is on the 0–255 scale whatever the source's depth.
        using var srgb = Wrap(VipsNative.vips_colourspace(this, out var converted, VipsNative.InterpretationSrgb, 0), converted, "vips_colourspace");
        var eightBit = Wrap(VipsNative.vips_cast(srgb, out var cast, VipsNative.FormatUChar, 0), cast, "vips_cast");
        if (!eightBit.HasAlpha)
            return eightBit;
        double[] rgb = [background, background, background];
        using (eightBit)
        fixed (double* values = rgb)
        {
            var array = VipsNative.vips_array_double_new(values, rgb.Length);
            try
            {
                return Wrap(VipsNative.vips_flatten_onto(eightBit, out var flattened, "background", array, 0), flattened, "vips_flatten");
            }
            finally
            {
                VipsNative.vips_area_unref(array);
            }
        }
    }

    /// <summary>
    /// Draws an 8-bit RGBA <paramref name="overlay"/> (what <see cref="RenderSvg"/> returns) over this opaque 8-bit
    /// RGB image of the same size, blending by the overlay's alpha. Done as an alpha-weighted
    /// <c>vips_ifthenelse</c> in 8 bits: for an opaque base that is Porter-Duff "over", about five times faster
    /// than <c>vips_composite2</c>, which works in floating point.
    /// </summary>
    public VipsImage DrawOver(VipsImage overlay)
    {
        if (overlay.Bands != 4 || Bands != 3)
            throw new ArgumentException($"Expected an RGBA overlay over an RGB image, got {overlay.Bands} over {Bands} bands.");
        using var colour = Wrap(VipsNative.vips_extract_bands(overlay, out var rgb, 0, "n", 3, 0), rgb, "vips_extract_band");
        using var alpha = Wrap(VipsNative.vips_extract_band(overlay, out var a, 3, 0), a, "vips_extract_band");
        return Wrap(VipsNative.vips_ifthenelse(alpha, colour, this, out var output, "blend", 1, 0), output, "vips_ifthenelse");
    }

    /// <summary>The rectangle of this image at (<paramref name="left"/>, <paramref name="top"/>).</summary>
    public VipsImage Crop(int left, int top, int width, int height) => Wrap(
        VipsNative.vips_extract_area(this, out var output, left, top, width, height, 0), output, "vips_extract_area");

    /// <summary>The mean value of each band, e.g. the average R, G and B.</summary>
    public double[] BandMeans()
    {
        var means = new double[Bands];
        for (var band = 0; band < means.Length; band++)
        {
            using var single = Wrap(VipsNative.vips_extract_band(this, out var output, band, 0), output, "vips_extract_band");
            if (VipsNative.vips_avg(single, out means[band], 0) != 0)
                throw VipsException.FromErrorBuffer("vips_avg");
        }
        return means;
    }

    /// <summary>
    /// A baseline-free JPEG: progressive (interlaced), optimised Huffman tables, every metadata block stripped
    /// (no EXIF, XMP or ICC profile: untagged 8-bit RGB is read as sRGB).
    /// </summary>
    public byte[] EncodeProgressiveJpeg(int quality)
    {
        var status = VipsNative.vips_jpegsave_buffer(this, out var buffer, out var length,
            "Q", quality, "optimize_coding", 1, "interlace", 1, "strip", 1, 0);
        return TakeBuffer(status, buffer, length, "vips_jpegsave_buffer");
    }

    public byte[] EncodePng() =>
        TakeBuffer(VipsNative.vips_pngsave_buffer(this, out var buffer, out var length, 0), buffer, length, "vips_pngsave_buffer");

    private VipsImage InMemory()
    {
        var copy = VipsNative.vips_image_copy_memory(this);
        return copy == 0 ? throw VipsException.FromErrorBuffer("vips_image_copy_memory") : new VipsImage(copy);
    }

    private static VipsImage Wrap(int status, nint output, string operation)
    {
        if (status == 0 && output != 0)
            return new VipsImage(output);
        if (output != 0)
            VipsNative.g_object_unref(output);
        throw VipsException.FromErrorBuffer(operation);
    }

    private static unsafe byte[] TakeBuffer(int status, nint buffer, nuint length, string operation)
    {
        try
        {
            if (status != 0 || buffer == 0)
                throw VipsException.FromErrorBuffer(operation);
            return new ReadOnlySpan<byte>((void*)buffer, checked((int)length)).ToArray();
        }
        finally
        {
            if (buffer != 0)
                VipsNative.g_free(buffer);
        }
    }
}
