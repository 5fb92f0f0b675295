using System.Buffers.Binary;

namespace Waitlist.Features.OpenGraph;

/// <summary>
/// Advance widths read from a TrueType/OpenType font's <c>cmap</c> and <c>hmtx</c> tables, in ems, so that lines
/// can be wrapped before librsvg draws them. Characters the font lacks are drawn by a fallback font (or as a
/// missing-glyph box); they are measured generously, and the template clips the text to its box anyway.
/// </summary>
public sealed class FontMetrics
{
    /// <summary>Wider than any fallback glyph (emoji, CJK, hex boxes) is likely to be.</summary>
    public const double FallbackWidth = 1.25;

    /// <summary>
    /// Used when no font file can be read: every character as wide as a bold capital M, which only the widest
    /// capitals exceed (and the template's clip path catches those).
    /// </summary>
    public static readonly FontMetrics Conservative = new(new Dictionary<int, double>(), 0.9);

    private readonly Dictionary<int, double> _widths;
    private readonly double _unknownLetterWidth;

    private FontMetrics(Dictionary<int, double> widths, double unknownLetterWidth)
    {
        _widths = widths;
        _unknownLetterWidth = unknownLetterWidth;
    }

    public static FontMetrics Read(byte[] font)
    {
        var tables = ReadTableDirectory(font);
        var head = tables["head"];
        var unitsPerEm = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(head + 18));
        var metricCount = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(tables["hhea"] + 34));
        var hmtx = tables["hmtx"];

        double Advance(int glyph) =>
            BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(hmtx + 4 * Math.Min(glyph, metricCount - 1))) / (double)unitsPerEm;

        var widths = new Dictionary<int, double>();
        foreach (var (codePoint, glyph) in ReadCharacterMap(font, tables["cmap"]))
            if (glyph != 0)
                widths.TryAdd(codePoint, Advance(glyph));
        return new FontMetrics(widths, FallbackWidth);
    }

    /// <summary>Whether the font itself draws <paramref name="rune"/> (no fallback font needed).</summary>
    public bool Covers(Rune rune) => _widths.ContainsKey(rune.Value);

    /// <summary>The width of <paramref name="text"/> in ems (multiply by the font size for pixels).</summary>
    public double Measure(string text)
    {
        double width = 0;
        foreach (var rune in text.EnumerateRunes())
            width += Width(rune);
        return width;
    }

    private double Width(Rune rune)
    {
        if (_widths.TryGetValue(rune.Value, out var width))
            return width;
        return Rune.GetUnicodeCategory(rune) switch
        {
            // Marks, joiners, direction marks and variation selectors take no room of their own.
            UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format => 0,
            UnicodeCategory.SpaceSeparator => 0.4,
            _ => _unknownLetterWidth,
        };
    }

    private static Dictionary<string, int> ReadTableDirectory(byte[] font)
    {
        var count = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(4));
        var tables = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var record = 12 + 16 * i;
            tables[Encoding.ASCII.GetString(font, record, 4)] = checked((int)BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(record + 8)));
        }
        foreach (var required in new[] { "head", "hhea", "hmtx", "cmap" })
            if (!tables.ContainsKey(required))
                throw new InvalidDataException($"The font has no '{required}' table.");
        return tables;
    }

    /// <summary>Every (code point, glyph) pair of the font's Unicode subtables (formats 4 and 12).</summary>
    private static IEnumerable<(int CodePoint, int Glyph)> ReadCharacterMap(byte[] font, int cmap)
    {
        var count = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(cmap + 2));
        for (var i = 0; i < count; i++)
        {
            var record = cmap + 4 + 8 * i;
            var platform = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(record));
            var encoding = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(record + 2));
            if (!(platform == 0 || (platform == 3 && encoding is 1 or 10)))
                continue;
            var subtable = cmap + checked((int)BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(record + 4)));
            var format = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(subtable));
            var pairs = format switch
            {
                4 => ReadFormat4(font, subtable),
                12 => ReadFormat12(font, subtable),
                _ => [],
            };
            foreach (var pair in pairs)
                yield return pair;
        }
    }

    private static List<(int, int)> ReadFormat4(byte[] font, int table)
    {
        var segments = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(table + 6)) / 2;
        var ends = table + 14;
        var starts = ends + 2 * segments + 2;
        var deltas = starts + 2 * segments;
        var rangeOffsets = deltas + 2 * segments;
        var pairs = new List<(int, int)>();
        for (var s = 0; s < segments; s++)
        {
            int end = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(ends + 2 * s));
            int start = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(starts + 2 * s));
            int delta = BinaryPrimitives.ReadInt16BigEndian(font.AsSpan(deltas + 2 * s));
            var rangeOffsetAt = rangeOffsets + 2 * s;
            int rangeOffset = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(rangeOffsetAt));
            for (var c = start; c <= end && c != 0xFFFF; c++)
            {
                int glyph;
                if (rangeOffset == 0)
                    glyph = (c + delta) & 0xFFFF;
                else
                {
                    glyph = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(rangeOffsetAt + rangeOffset + 2 * (c - start)));
                    if (glyph != 0)
                        glyph = (glyph + delta) & 0xFFFF;
                }
                pairs.Add((c, glyph));
            }
        }
        return pairs;
    }

    private static List<(int, int)> ReadFormat12(byte[] font, int table)
    {
        var groups = checked((int)BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(table + 12)));
        var pairs = new List<(int, int)>();
        for (var g = 0; g < groups; g++)
        {
            var group = table + 16 + 12 * g;
            var start = (int)BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(group));
            var end = (int)BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(group + 4));
            var glyph = (int)BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(group + 8));
            for (var c = start; c <= end && c <= 0x10FFFF; c++)
                pairs.Add((c, glyph + (c - start)));
        }
        return pairs;
    }
}
