namespace Waitlist.Infrastructure.Images;

/// <summary>The image formats an upload may be in (<see cref="VipsImage.ThumbnailUntrusted"/>).</summary>
public enum ImageFormat { Jpeg, Png, WebP }

public enum ImageRefusal
{
    /// <summary>Not an image in an accepted format, or one that does not decode (truncated, corrupt).</summary>
    NotAnImage,

    /// <summary>More pixels than the caller allows: refused from the header, before decoding.</summary>
    TooManyPixels,
}

/// <summary>An untrusted image was refused; the message (libvips' own words) is for the log, not for the client.</summary>
public sealed class ImageRefusedException(ImageRefusal reason, string message) : Exception(message)
{
    public ImageRefusal Reason { get; } = reason;
}
