using System.Reflection;
using System.Security.Cryptography;
using HandlebarsDotNet;

namespace Waitlist.Features.OpenGraph;

/// <summary>A rendered preview: the JPEG and the quality it was encoded at (lower than asked when it had to shrink).</summary>
public sealed record RenderedPreview(byte[] Jpeg, int Quality);

/// <summary>
/// Draws a preview: the SVG template (Handlebars) with the title and subtitle laid out by <see cref="TextLayout"/>,
/// rendered by librsvg over the background PNG, encoded as a progressive JPEG no larger than
/// <see cref="OpenGraphSettings.MaxBytes"/>. Loads its inputs once; <see cref="Problem"/> says why it cannot draw.
/// </summary>
public sealed class PreviewRenderer : IDisposable
{
    public const int Width = 1200;
    public const int Height = 630;

    // Layout, in pixels. Changing any of it changes the images: bump LayoutVersion so that ETags change too.
    private const string LayoutVersion = "layout-2";
    private const int MarginX = 80;
    private const int AreaTop = 150;
    private const int AreaBottom = 560;
    private const int Gap = 28;
    private static readonly int[] TitleSizes = [72, 64, 56, 50, 44];
    private static readonly int[] SubtitleSizes = [36, 32, 28];
    private const double TitleLineHeight = 1.2;
    private const double SubtitleLineHeight = 1.35;
    private const double Ascent = 0.93;
    private const double Descent = 0.24;
    private const int QualityStep = 10;
    private const int LowestQuality = 10;

    private const string TemplateName = "PreviewImage.svg.hbs";

    private readonly OpenGraphSettings _options;
    private readonly ILogger<PreviewRenderer> _logger;
    private readonly VipsImage? _background;
    private readonly HandlebarsTemplate<object, object>? _template;
    private readonly TextLayout _layout;

    public PreviewRenderer(OpenGraphSettings settings, LibVips vips, IHostEnvironment environment, ILogger<PreviewRenderer> logger)
    {
        _options = settings;
        _logger = logger;
        _layout = new TextLayout(FontMetrics.Conservative);
        if (!vips.IsAvailable)
        {
            Problem = vips.Problem;
            return;
        }

        var template = ReadTemplate();
        var (fontBytes, metrics) = ReadFont(_options.FontFile);
        _layout = new TextLayout(metrics);

        var backgroundPath = Path.GetFullPath(_options.Background, environment.ContentRootPath);
        try
        {
            var backgroundBytes = File.ReadAllBytes(backgroundPath);
            using var decoded = VipsImage.Decode(backgroundBytes);
            using var covered = decoded.Width == Width && decoded.Height == Height ? null : decoded.Cover(Width, Height);
            _background = (covered ?? decoded).ToOpaqueSrgb();
            Version = Hash(LayoutVersion, vips.Version!, template, Convert.ToHexString(SHA256.HashData(backgroundBytes)),
                Convert.ToHexString(SHA256.HashData(fontBytes)), _options.FontFamily,
                _options.Quality.ToString(CultureInfo.InvariantCulture), _options.MaxBytes.ToString(CultureInfo.InvariantCulture));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or VipsException)
        {
            Problem = $"the background image {backgroundPath} (OpenGraph:Background) cannot be used: {exception.Message}";
            _logger.LogError("Preview images are disabled: {Problem}", Problem);
            return;
        }

        _template = Handlebars.Create(new HandlebarsConfiguration { TextEncoder = new XmlTextEncoder() }).Compile(template);
    }

    public bool IsAvailable => _template is not null;

    /// <summary>Why previews cannot be drawn, for the log; null when they can.</summary>
    public string? Problem { get; }

    /// <summary>Identifies everything besides the texts that the bytes depend on: template, background, font, libvips, settings.</summary>
    public string Version { get; } = "";

    /// <summary>A strong entity tag: equal for equal texts under one <see cref="Version"/>, and only then.</summary>
    public string EntityTag(string title, string subtitle) => $"\"{Hash(Version, title, subtitle)[..40]}\"";

    public RenderedPreview Render(string title, string subtitle)
    {
        if (_template is null || _background is null)
            throw new InvalidOperationException($"Preview images are disabled: {Problem}");

        var svg = Encoding.UTF8.GetBytes(Svg(title, subtitle));
        using var overlay = VipsImage.RenderSvg(svg);
        using var image = _background.DrawOver(overlay);

        for (var quality = _options.Quality; ; quality -= QualityStep)
        {
            var jpeg = image.EncodeProgressiveJpeg(quality);
            if (jpeg.Length <= _options.MaxBytes)
            {
                if (quality != _options.Quality)
                    _logger.LogInformation("Preview re-encoded at quality {Quality} to stay under {MaxBytes} bytes", quality, _options.MaxBytes);
                return new RenderedPreview(jpeg, quality);
            }
            if (quality - QualityStep < LowestQuality)
                throw new VipsException($"The preview is {jpeg.Length} bytes even at quality {quality}; the background is too detailed for {_options.MaxBytes} bytes.");
        }
    }

    /// <summary>The SVG document drawn over the background.</summary>
    public string Svg(string title, string subtitle)
    {
        var maxWidth = Width - 2 * MarginX;
        var titleBlock = _layout.Fit(title, TitleSizes, maxWidth);
        var subtitleBlock = subtitle.Length == 0 ? new TextBlock(SubtitleSizes[0], []) : _layout.Fit(subtitle, SubtitleSizes, maxWidth);

        var titleHeight = BlockHeight(titleBlock, TitleLineHeight);
        var subtitleHeight = BlockHeight(subtitleBlock, SubtitleLineHeight);
        var total = titleHeight + (subtitleHeight > 0 ? Gap + subtitleHeight : 0);
        var top = AreaTop + (AreaBottom - AreaTop - total) / 2;

        return _template!(new
        {
            width = Width,
            height = Height,
            fontFamily = _options.FontFamily,
            clip = new { x = MarginX - 20, y = AreaTop - 30, width = Width - 2 * (MarginX - 20), height = AreaBottom - AreaTop + 50 },
            title = Lines(titleBlock, top, TitleLineHeight),
            subtitle = Lines(subtitleBlock, top + titleHeight + Gap, SubtitleLineHeight),
        });
    }

    private static double BlockHeight(TextBlock block, double lineHeight) =>
        block.Lines.Count == 0 ? 0 : (block.Lines.Count - 1) * lineHeight * block.FontSize + (Ascent + Descent) * block.FontSize;

    private static object[] Lines(TextBlock block, double top, double lineHeight) =>
        block.Lines.Select((text, i) => (object)new
        {
            x = MarginX,
            y = (int)Math.Round(top + Ascent * block.FontSize + i * lineHeight * block.FontSize),
            size = block.FontSize,
            text,
        }).ToArray();

    private (byte[] Bytes, FontMetrics Metrics) ReadFont(string path)
    {
        try
        {
            var bytes = File.ReadAllBytes(path);
            return (bytes, FontMetrics.Read(bytes));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidDataException or ArgumentException or IndexOutOfRangeException or OverflowException)
        {
            _logger.LogWarning("The font file {Path} (OpenGraph:FontFile) cannot be read ({Reason}); lines are measured with conservative widths. Install fonts-dejavu-core or point OpenGraph:FontFile at the font's bold face.",
                path, exception.Message);
            return ([], FontMetrics.Conservative);
        }
    }

    private static string ReadTemplate()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var resource = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + TemplateName, StringComparison.Ordinal));
        using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
        return reader.ReadToEnd();
    }

    private static string Hash(params string[] parts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\0', parts))));

    public void Dispose() => _background?.Dispose();
}
