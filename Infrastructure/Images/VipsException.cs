using System.Runtime.InteropServices;

namespace Waitlist.Infrastructure.Images;

/// <summary>A libvips operation failed; the message is libvips' own error buffer.</summary>
public sealed class VipsException(string message) : Exception(message)
{
    internal static VipsException FromErrorBuffer(string operation)
    {
        var text = Marshal.PtrToStringUTF8(VipsNative.vips_error_buffer())?.Trim();
        VipsNative.vips_error_clear();
        return new VipsException($"{operation} failed: {(string.IsNullOrEmpty(text) ? "no details from libvips" : text)}");
    }
}
