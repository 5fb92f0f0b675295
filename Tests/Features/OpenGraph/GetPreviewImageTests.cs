using System.Diagnostics.Tracing;
using Waitlist.Features.OpenGraph;
using Waitlist.Infrastructure.Images;

namespace Waitlist.Tests.Features.OpenGraph;

public sealed class GetPreviewImageTests(ApiFixture fixture) : ApiTests<ApiFixture>(fixture)
{
    private const int MaxBytes = 600_000;
    /// <summary>
    /// A client of its own address: every test here renders new images, and one address would soon spend the
    /// per-client render budget that RenderBudgetTests is about.
    /// </summary>
    private HttpClient Client() => Api.ClientFrom(TestIps.Unique());

    private static string Query(string? title = null, string? subtitle = null)
    {
        var parts = new List<string>();
        if (title is not null)
            parts.Add("title=" + Uri.EscapeDataString(title));
        if (subtitle is not null)
            parts.Add("subtitle=" + Uri.EscapeDataString(subtitle));
        return "/api/og" + (parts.Count > 0 ? "?" + string.Join('&', parts) : "");
    }

    private static string SnapshotDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.Combine(Path.GetDirectoryName(path)!, "..", "..", "Snapshots");

    private static async Task<byte[]> JpegOf(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200, got {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(bytes)}");
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        return bytes;
    }

    private static void AssertPreviewJpeg(byte[] bytes)
    {
        var jpeg = Jpeg.Parse(bytes);
        Assert.True(jpeg.StartsWithSoi, "The file does not start with SOI.");
        Assert.True(jpeg.EndsWithEoi, "The file does not end with EOI.");
        Assert.Equal(Jpeg.Sof2Progressive, jpeg.FrameMarker);
        Assert.Equal((1200, 630, 3), (jpeg.Width, jpeg.Height, jpeg.Components));
        Assert.True(jpeg.Scans > 1, "A progressive JPEG has several scans.");
        Assert.InRange(bytes.Length, 1, MaxBytes);
        // Metadata stripped: no EXIF/XMP (APP1), ICC profile (APP2) or comment; the image is plain sRGB.
        Assert.DoesNotContain(0xE1, jpeg.Markers);
        Assert.DoesNotContain(0xE2, jpeg.Markers);
        Assert.DoesNotContain(0xFE, jpeg.Markers);
    }

    [Fact]
    public async Task The_default_image_is_a_1200x630_progressive_quality_80_jpeg_cached_for_a_year()
    {
        var response = await Client().GetAsync("/api/og");

        var bytes = await JpegOf(response);
        AssertPreviewJpeg(bytes);
        Assert.Equal(Jpeg.LuminanceTable(80), Jpeg.Parse(bytes).QuantTables[0]);
        Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
        Assert.Equal("public, max-age=31536000, immutable", response.Header("Cache-Control"));
        var etag = response.Headers.ETag;
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);
    }

    [Fact]
    public async Task The_default_image_matches_the_reference_in_size_and_mean_colour()
    {
        var bytes = await JpegOf(await Client().GetAsync("/api/og"));

        using var image = VipsImage.Decode(bytes);
        using var reference = VipsImage.Decode(await File.ReadAllBytesAsync(Path.Combine(SnapshotDirectory(), "og-default.jpg")));
        Assert.Equal((reference.Width, reference.Height, reference.Bands), (image.Width, image.Height, image.Bands));
        var expected = reference.BandMeans();
        var actual = image.BandMeans();
        for (var band = 0; band < 3; band++)
            Assert.InRange(actual[band], expected[band] - 3, expected[band] + 3);
    }

    [Fact]
    public async Task Titles_and_subtitles_come_from_the_query_string_and_change_the_etag()
    {
        var client = Client();

        var defaults = await client.GetAsync("/api/og");
        var custom = await client.GetAsync(Query("Química analítica en Málaga", "¿Te apuntas? ¡Únete!"));
        var otherSubtitle = await client.GetAsync(Query("Química analítica en Málaga", "Otra cosa"));

        AssertPreviewJpeg(await JpegOf(custom));
        var etags = new[] { defaults, custom, otherSubtitle }.Select(r => r.Headers.ETag!.Tag).ToList();
        Assert.Equal(3, etags.Distinct().Count());
        Assert.NotEqual(await defaults.Content.ReadAsByteArrayAsync(), await custom.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Blank_texts_show_the_defaults()
    {
        var client = Client();

        var defaults = await client.GetAsync("/api/og");
        var blank = await client.GetAsync("/api/og?title=%20%20&subtitle=");

        Assert.Equal(defaults.Headers.ETag, blank.Headers.ETag);
        Assert.Equal(await defaults.Content.ReadAsByteArrayAsync(), await blank.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_default_texts_come_from_configuration()
    {
        var standard = await Client().GetAsync("/api/og");
        await using var api = await ApiFactory.StartAsync(new Dictionary<string, string?>
        {
            ["OpenGraph:Title"] = "Otro título por defecto",
            ["OpenGraph:Subtitle"] = "Y otro subtítulo",
        });

        var configured = await api.CreateClient().GetAsync("/api/og");
        var explicitTexts = await Client().GetAsync(Query("Otro título por defecto", "Y otro subtítulo"));

        AssertPreviewJpeg(await JpegOf(configured));
        Assert.NotEqual(standard.Headers.ETag, configured.Headers.ETag);
        Assert.Equal(explicitTexts.Headers.ETag, configured.Headers.ETag);
        Assert.Equal(await explicitTexts.Content.ReadAsByteArrayAsync(), await configured.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("\"{0}\"")]
    [InlineData("W/\"{0}\"")]
    [InlineData("\"otro\", \"{0}\"")]
    [InlineData("*")]
    public async Task A_matching_if_none_match_is_a_304_without_body(string header)
    {
        var client = Client();
        var first = await client.GetAsync(Query("Caché condicional"));
        var etag = first.Headers.ETag!.Tag.Trim('"');

        var request = new HttpRequestMessage(HttpMethod.Get, Query("Caché condicional"));
        request.Headers.TryAddWithoutValidation("If-None-Match", string.Format(header, etag));
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(first.Headers.ETag, response.Headers.ETag);
        Assert.Equal("public, max-age=31536000, immutable", response.Header("Cache-Control"));
    }

    [Fact]
    public async Task A_stale_if_none_match_gets_the_image()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/og");
        request.Headers.TryAddWithoutValidation("If-None-Match", "\"0000\"");

        AssertPreviewJpeg(await JpegOf(await Client().SendAsync(request)));
    }

    [Fact]
    public async Task Head_answers_the_headers_of_get_without_the_body()
    {
        var client = Client();
        var get = await client.GetAsync(Query("Cabeceras"));
        var getBytes = await JpegOf(get);

        var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, Query("Cabeceras")));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal("image/jpeg", head.Content.Headers.ContentType?.MediaType);
        Assert.Equal(getBytes.Length, head.Content.Headers.ContentLength);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Equal("public, max-age=31536000, immutable", head.Header("Cache-Control"));
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("title", "El título no puede superar los 100 caracteres.")]
    [InlineData("subtitle", "El subtítulo no puede superar los 100 caracteres.")]
    public async Task More_than_100_characters_is_a_400_in_spanish(string field, string message)
    {
        var response = await Client().GetAsync($"/api/og?{field}={new string('a', 101)}");

        var body = await response.ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal("VALIDATION_FAILED", body.GetProperty("code").GetString());
        Assert.Equal([$"{field}:TOO_LONG"], body.FieldErrors());
        Assert.Equal(message, body.GetProperty("details")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task One_hundred_characters_of_any_kind_are_accepted()
    {
        var client = Client();

        AssertPreviewJpeg(await JpegOf(await client.GetAsync(Query(new string('W', 100), new string('m', 100)))));
        // A character is what a reader counts: an emoji (two UTF-16 units, or several code points) is one.
        AssertPreviewJpeg(await JpegOf(await client.GetAsync(Query(string.Concat(Enumerable.Repeat("😀", 100)), string.Concat(Enumerable.Repeat("👩‍🔬", 100))))));
    }

    public static TheoryData<string> HostileTexts => new()
    {
        "<script>alert(1)</script>",
        "</text></g><image href=\"http://evil.example/x.png\"/><text>",
        "&amp; &lt; &#x3C; &unknown; & &&",
        "\"comillas\" 'simples' `graves`",
        "]]><![CDATA[<svg onload=alert(1)>]]>",
        "<!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>&xxe;",
        "<?xml-stylesheet href=\"x\"?>",
        "control\u0000\u0001\u0008\u000B\u000C\u001F\u007F\u0085 chars\ttab\r\nnewline",
        "\u202Eevil\u202C \u200F‏שלום עולם\u200E مرحبا بالعالم",
        "\uFFFE\uFFFF\uFEFF zero\u200Bwidth",
        "Zalgo: Z\u0351\u0352\u0353a\u0354\u0355l\u0356g\u0357o",
        "👩‍👩‍👧‍👦🇪🇸🏳️‍🌈 ¿Qué tal? ¡Olé! áéíóú ü ñ Ñ",
        string.Concat(Enumerable.Repeat("😀", 100)),
        "{{title}} {{{subtitle}}} {{#each x}}",
    };

    [Theory]
    [MemberData(nameof(HostileTexts))]
    public async Task Hostile_text_renders_as_text(string text)
    {
        var client = Client();

        AssertPreviewJpeg(await JpegOf(await client.GetAsync(Query(text, text))));
    }

    [Fact]
    public async Task The_same_parameters_give_the_same_bytes_when_rendered_again()
    {
        // No cache: every request renders.
        await using var api = await ApiFactory.StartAsync(new Dictionary<string, string?> { ["OpenGraph:CacheBytes"] = "0" });
        var client = api.CreateClient();

        var first = await JpegOf(await client.GetAsync(Query("Idénticos", "bytes")));
        var second = await JpegOf(await client.GetAsync(Query("Idénticos", "bytes")));
        var otherServer = await JpegOf(await Client().GetAsync(Query("Idénticos", "bytes")));

        Assert.Equal(first, second);
        Assert.Equal(first, otherServer);
        Assert.Equal(0, api.Services.GetRequiredService<RenderedImageCache>().Count);
    }

    [Fact]
    public async Task Concurrent_requests_for_one_new_image_render_it_once()
    {
        var client = Client();
        await client.GetAsync("/api/og"); // the default image is rendered
        var cache = Api.Services.GetRequiredService<RenderedImageCache>();
        var before = cache.Renders;
        var path = Query($"Una sola vez {Guid.NewGuid():N}");

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.GetAsync(path)));

        var bodies = await Task.WhenAll(responses.Select(JpegOf));
        Assert.All(bodies, body => Assert.Equal(bodies[0], body));
        Assert.Equal(1, cache.Renders - before);

        await client.GetAsync(path);
        Assert.Equal(1, cache.Renders - before);
    }

    [Fact]
    public async Task The_cache_stays_within_its_byte_budget()
    {
        await using var api = await ApiFactory.StartAsync(new Dictionary<string, string?> { ["OpenGraph:CacheBytes"] = "150000" });
        var client = api.CreateClient();
        var cache = api.Services.GetRequiredService<RenderedImageCache>();

        for (var i = 0; i < 6; i++)
        {
            await JpegOf(await client.GetAsync(Query($"Presupuesto {i}")));
            Assert.InRange(cache.Bytes, 1, 150_000);
        }
        Assert.InRange(cache.Count, 1, 4);
    }

    [Fact]
    public async Task Text_never_leaves_its_margins()
    {
        var client = Client();
        using var plain = VipsImage.Decode(await JpegOf(await client.GetAsync(Query("a", "b"))));

        foreach (var text in new[] { new string('W', 100), string.Concat(Enumerable.Repeat("😀", 100)), string.Concat(Enumerable.Repeat("WWW ", 25)).Trim() })
        {
            using var crowded = VipsImage.Decode(await JpegOf(await client.GetAsync(Query(text, text))));
            // The right margin and the bottom band, from the first 16×16 JPEG block wholly outside the text area.
            foreach (var (left, top, width, height) in new[] { (1152, 0, 48, 630), (0, 592, 1200, 38) })
            {
                using var expected = plain.Crop(left, top, width, height);
                using var actual = crowded.Crop(left, top, width, height);
                var means = expected.BandMeans().Zip(actual.BandMeans());
                Assert.All(means, pair => Assert.InRange(pair.Second, pair.First - 1, pair.First + 1));
            }
        }
    }

    [Fact]
    public async Task An_image_too_big_at_quality_80_is_encoded_again_at_a_lower_quality()
    {
        // The heaviest background there is: every sample black or white at random. At 1200×630, quality 80 and
        // 4:2:0 chroma it still encodes to about 590 KB, just under WhatsApp's 600 KB, so the test lowers the
        // limit to make the re-encoding happen.
        const int limit = 400_000;
        var background = Path.Combine(Path.GetTempPath(), $"og-noise-{Guid.NewGuid():N}.png");
        var random = new Random(42);
        var noise = new byte[1200 * 630 * 3];
        for (var i = 0; i < noise.Length; i++)
            noise[i] = random.Next(2) == 0 ? (byte)0 : (byte)255;
        using (var image = VipsImage.FromPixels(noise, 1200, 630, 3))
            await File.WriteAllBytesAsync(background, image.EncodePng());
        try
        {
            await using var api = await ApiFactory.StartAsync(new Dictionary<string, string?>
            {
                ["OpenGraph:Background"] = background,
                ["OpenGraph:MaxBytes"] = limit.ToString(),
            });

            var bytes = await JpegOf(await api.CreateClient().GetAsync("/api/og"));

            AssertPreviewJpeg(bytes);
            Assert.InRange(bytes.Length, 1, limit);
            var luminance = Jpeg.Parse(bytes).QuantTables[0];
            Assert.True(luminance[0] > Jpeg.LuminanceTable(80)[0], "Expected a coarser quantisation than quality 80.");
            Assert.Contains(Enumerable.Range(10, 70), q => Jpeg.LuminanceTable(q).SequenceEqual(luminance));
        }
        finally
        {
            File.Delete(background);
        }
    }

    [Fact]
    public async Task Without_libvips_the_api_starts_and_the_preview_is_a_503_in_spanish()
    {
        using var logs = new LogListener();
        await using var api = await ApiFactory.StartAsync(new Dictionary<string, string?> { ["Images:LibVips"] = "libvips-missing.so.42" });
        var client = api.CreateClient();

        var response = await client.GetAsync("/api/og");

        var body = await response.ShouldBe(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("PREVIEW_UNAVAILABLE", body.GetProperty("code").GetString());
        Assert.Equal("La imagen de vista previa no está disponible en este momento. Inténtalo de nuevo más tarde.", body.GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        Assert.Contains(logs.Messages, m => m.Contains("libvips-missing.so.42") && m.Contains("apt-get install libvips42"));
    }

    [Fact]
    public async Task A_missing_background_is_a_503_not_a_crash()
    {
        await using var api = await ApiFactory.StartAsync(new Dictionary<string, string?> { ["OpenGraph:Background"] = "/nonexistent/og.png" });

        var body = await (await api.CreateClient().GetAsync("/api/og")).ShouldBe(HttpStatusCode.ServiceUnavailable);

        Assert.Equal("PREVIEW_UNAVAILABLE", body.GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("get")]
    [InlineData("head")]
    public async Task The_openapi_document_describes_the_image_and_its_errors(string method)
    {
        var document = await Client().OpenApiDocumentAsync();
        var operation = document.GetProperty("paths").GetProperty("/api/og").GetProperty(method);

        Assert.True(document.Response("/api/og", method, "200").GetProperty("content").TryGetProperty("image/jpeg", out _));
        Assert.True(operation.GetProperty("responses").TryGetProperty("304", out _));
        foreach (var status in new[] { "400", "429", "503" })
            Assert.True(document.Response("/api/og", method, status).GetProperty("content").TryGetProperty("application/json", out _), status);
        Assert.Equal(["subtitle", "title"], operation.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).Order());
    }

    /// <summary>
    /// The formatted messages every host in this process logs at Error or above, read from the EventSource logger
    /// that ASP.NET Core registers by default.
    /// </summary>
    private sealed class LogListener : EventListener
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _messages = new();

        public IReadOnlyCollection<string> Messages => _messages;

        protected override void OnEventSourceCreated(EventSource source)
        {
            if (source.Name == "Microsoft-Extensions-Logging")
                EnableEvents(source, EventLevel.Error, (EventKeywords)4 /* FormattedMessage */);
        }

        protected override void OnEventWritten(EventWrittenEventArgs e)
        {
            var index = e.PayloadNames?.IndexOf("FormattedMessage") ?? -1;
            if (index >= 0 && e.Payload?[index] is string message)
                _messages.Enqueue(message);
        }
    }
}
