using System.Globalization;
using System.Xml;
using Waitlist.Features.OpenGraph;

namespace Waitlist.Tests.Features.OpenGraph;

/// <summary>The text that goes into the SVG: normalised, escaped, wrapped to three lines inside the margins.</summary>
public sealed class PreviewLayoutTests(ApiFixture fixture) : ApiTests<ApiFixture>(fixture)
{
    private const string FontFile = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";
    private static readonly TextLayout Layout = new(FontMetrics.Read(File.ReadAllBytes(FontFile)));
    private static readonly int[] Sizes = [72, 56, 44];

    public static TheoryData<string> Texts => new()
    {
        "Conectamos la ciencia con la empresa",
        new string('W', 100),
        string.Concat(Enumerable.Repeat("WWW ", 25)),
        string.Concat(Enumerable.Repeat("😀", 100)),
        string.Concat(Enumerable.Repeat("👩‍🔬", 100)),
        "Supercalifragilisticoespialidoso " + new string('m', 60),
        "¿Qué significa «investigación aplicada» para una pyme? ¡Descúbrelo con nosotros en Zaragoza y Bilbao!",
        "שלום עולם مرحبا بالعالم 中文字符测试 " + new string('あ', 40),
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Text_wraps_to_at_most_three_lines_that_fit_the_width(string text)
    {
        var block = Layout.Fit(PreviewText.Normalize(text), Sizes, 1040);

        Assert.InRange(block.Lines.Count, 1, TextLayout.MaxLines);
        Assert.Contains(block.FontSize, Sizes);
        Assert.All(block.Lines, line => Assert.True(Layout.Width(line, block.FontSize) <= 1040, $"'{line}' is {Layout.Width(line, block.FontSize)} px wide."));
        Assert.All(block.Lines, line => Assert.Equal(line.Trim(), line));
    }

    [Fact]
    public void The_font_draws_every_spanish_character_itself()
    {
        var metrics = FontMetrics.Read(File.ReadAllBytes(FontFile));

        var missing = "áéíóúüñÁÉÍÓÚÜÑ¿¡«»ºª€".EnumerateRunes().Where(r => !metrics.Covers(r)).ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void Short_text_keeps_the_largest_size_and_long_text_shrinks_before_it_is_cut()
    {
        var hola = Layout.Fit("Hola", Sizes, 1040);
        Assert.Equal(72, hola.FontSize);
        Assert.Equal(["Hola"], hola.Lines);

        var medium = Layout.Fit("Una plataforma para profesionales científicos y empresas que buscan talento", Sizes, 1040);
        Assert.True(medium.FontSize < 72);
        Assert.DoesNotContain("…", string.Concat(medium.Lines));

        var cut = Layout.Fit(new string('W', 100), Sizes, 1040);
        Assert.Equal(44, cut.FontSize);
        Assert.EndsWith("…", cut.Lines[^1]);
    }

    [Fact]
    public void Long_words_break_between_grapheme_clusters()
    {
        var block = Layout.Fit(string.Concat(Enumerable.Repeat("👩‍🔬", 60)), [44], 1040);

        foreach (var line in block.Lines)
            Assert.All(StringInfoElements(line.TrimEnd('…')), element => Assert.True(element is "👩‍🔬", $"Broken cluster: {element}"));
    }

    [Theory]
    [InlineData("  hola \t\r\n  mundo  ", "hola mundo")]
    [InlineData("a\u0000b\u001Fc\u007Fd", "a b c d")]
    [InlineData("e\u0301", "é")]
    [InlineData("\uFFFE\uFFFF", "\uFFFD\uFFFD")]
    [InlineData(" \t ", "")]
    [InlineData(null, "")]
    public void Input_is_normalised_to_one_clean_line(string? input, string expected) =>
        Assert.Equal(expected, PreviewText.Normalize(input));

    [Fact]
    public void Lone_surrogates_become_replacement_characters() =>
        Assert.Equal("\uFFFDx\uFFFD😀", PreviewText.Normalize("\uD800x\uDC00😀"));

    public static TheoryData<string> HostileTexts => new()
    {
        "<script>alert(1)</script>",
        "</text></g><image href=\"http://evil.example/x.png\"/><text>",
        "&amp; &lt; &#x3C; &unknown; & &&",
        "]]><![CDATA[<svg onload=alert(1)>]]>",
        "<!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>&xxe;",
        "\"comillas\" 'simples' <?pi?> <!-- comentario -->",
        "\u202Eevil\u202C \u200Fשלום\u200E",
        "{{title}} {{{subtitle}}}",
    };

    [Theory]
    [MemberData(nameof(HostileTexts))]
    public void Hostile_text_stays_character_data_in_the_svg(string text)
    {
        var renderer = Api.Services.GetRequiredService<PreviewRenderer>();
        var normalized = PreviewText.Normalize(text);

        var svg = renderer.Svg(normalized, normalized);

        using var reader = XmlReader.Create(new StringReader(svg), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        var document = new XmlDocument { XmlResolver = null };
        document.Load(reader);
        var names = new XmlNamespaceManager(document.NameTable);
        names.AddNamespace("svg", "http://www.w3.org/2000/svg");
        var elements = document.SelectNodes("//*")!.Cast<XmlElement>().Select(e => e.LocalName).Distinct().Order();
        Assert.Equal(["clipPath", "defs", "g", "rect", "svg", "text"], elements);
        Assert.Empty(document.SelectNodes("//processing-instruction() | //comment()")!.Cast<XmlNode>());
        var texts = document.SelectNodes("//svg:text", names)!.Cast<XmlElement>().ToList();
        Assert.All(texts, t => Assert.DoesNotContain(t.ChildNodes.Cast<XmlNode>(), n => n.NodeType != XmlNodeType.Text));
        // Whatever was drawn is the text itself, line by line (the title's lines are the bold ones).
        var drawn = string.Join(" ", texts.Where(t => t.GetAttribute("font-weight") == "bold").Select(t => t.InnerText));
        Assert.Equal(normalized.Replace(" ", ""), drawn.Replace(" ", "").TrimEnd('…'));
    }

    [Fact]
    public void The_xml_encoder_escapes_markup_and_replaces_forbidden_characters()
    {
        var writer = new StringWriter();

        new XmlTextEncoder().Encode("<a href='x'>&\"\u0001\uD800😀\t</a>", writer);

        Assert.Equal("&lt;a href=&apos;x&apos;&gt;&amp;&quot;\uFFFD\uFFFD😀\t&lt;/a&gt;", writer.ToString());
    }

    private static IEnumerable<string> StringInfoElements(string text)
    {
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
            yield return (string)enumerator.Current;
    }
}
