using System.ComponentModel.DataAnnotations;

namespace Waitlist.Features.OpenGraph;

/// <summary>The <c>OpenGraph</c> section.</summary>
public sealed class OpenGraphSettings
{
    /// <summary>Shown when the request has no <c>?title=</c>.</summary>
    public string Title { get; set; } = "";

    /// <summary>Shown when the request has no <c>?subtitle=</c>.</summary>
    public string Subtitle { get; set; } = "";

    /// <summary>The branded background PNG, relative to the content root or absolute; scaled and cropped to 1200×630.</summary>
    public string Background { get; set; } = "Features/OpenGraph/Assets/og-background.png";

    /// <summary>The font family librsvg asks fontconfig for.</summary>
    public string FontFamily { get; set; } = "DejaVu Sans";

    /// <summary>The bold face of <see cref="FontFamily"/> (TrueType/OpenType): its advance widths lay out the lines.</summary>
    public string FontFile { get; set; } = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

    /// <summary>
    /// Memory the rendered images may hold, in bytes; the least recently used go first. 32 MB hold about a thousand
    /// previews (30–50 KB each); the process keeps about 1.4 times the budget (the GC's room around long-lived arrays),
    /// and a preview that fell out costs one render, which crawlers and CDNs then keep for a year.
    /// </summary>
    [Range(0, long.MaxValue, ErrorMessage = "OpenGraph:CacheBytes must be 0 or more.")]
    public long CacheBytes { get; set; } = 32 * 1024 * 1024;

    /// <summary>Renders allowed at once; 0 means one per processor core.</summary>
    [Range(0, 256, ErrorMessage = "OpenGraph:MaxConcurrentRenders must be between 0 (one per core) and 256.")]
    public int MaxConcurrentRenders { get; set; }

    /// <summary>Renders allowed to wait for one of those; beyond them a request that needs a render is a 503.</summary>
    [Range(0, 10_000, ErrorMessage = "OpenGraph:MaxQueuedRenders must be between 0 and 10000.")]
    public int MaxQueuedRenders { get; set; } = 64;

    /// <summary>Render the default image at start-up, ahead of the first previewer.</summary>
    public bool WarmUp { get; set; } = true;

    [Range(10, 100, ErrorMessage = "OpenGraph:Quality must be between 10 and 100.")]
    public int Quality { get; set; } = 80;

    /// <summary>The largest image answered, in bytes (WhatsApp ignores previews above 600 KB).</summary>
    [Range(10_000, int.MaxValue, ErrorMessage = "OpenGraph:MaxBytes must be at least 10000.")]
    public int MaxBytes { get; set; } = 600_000;

    public int EffectiveConcurrency => MaxConcurrentRenders > 0 ? MaxConcurrentRenders : Environment.ProcessorCount;
}
