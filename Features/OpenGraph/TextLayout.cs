namespace Waitlist.Features.OpenGraph;

/// <summary>A text broken into lines at one font size.</summary>
public sealed record TextBlock(int FontSize, IReadOnlyList<string> Lines);

/// <summary>
/// Greedy word wrapping with measured widths: the largest font size at which the text fits in
/// <see cref="MaxLines"/> lines is chosen; at the smallest size, what does not fit is cut with an ellipsis.
/// A word wider than a line is broken between grapheme clusters, never inside one.
/// </summary>
public sealed class TextLayout(FontMetrics metrics)
{
    public const int MaxLines = 3;
    private const string Ellipsis = "…";

    public TextBlock Fit(string text, IReadOnlyList<int> fontSizes, double maxWidth)
    {
        foreach (var size in fontSizes)
        {
            var lines = Wrap(text, maxWidth / size);
            if (lines.Count <= MaxLines)
                return new TextBlock(size, lines);
        }

        var smallest = fontSizes[^1];
        var wrapped = Wrap(text, maxWidth / smallest);
        var kept = wrapped.Take(MaxLines).ToList();
        kept[^1] = WithEllipsis(kept[^1], maxWidth / smallest);
        return new TextBlock(smallest, kept);
    }

    /// <summary>The width of <paramref name="line"/> in pixels at <paramref name="fontSize"/>.</summary>
    public double Width(string line, int fontSize) => metrics.Measure(line) * fontSize;

    private List<string> Wrap(string text, double maxEms)
    {
        var lines = new List<string>();
        var current = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (metrics.Measure(candidate) <= maxEms)
            {
                current = candidate;
                continue;
            }
            if (current.Length > 0)
                lines.Add(current);
            current = word;
            // A word too long for a line of its own is broken where it must be.
            while (metrics.Measure(current) > maxEms)
            {
                var head = LongestPrefix(current, maxEms);
                lines.Add(head);
                current = current[head.Length..];
            }
        }
        if (current.Length > 0)
            lines.Add(current);
        return lines;
    }

    /// <summary>The longest run of whole grapheme clusters from the start that fits (at least one cluster).</summary>
    private string LongestPrefix(string text, double maxEms)
    {
        var elements = StringInfo.ParseCombiningCharacters(text);
        var length = elements.Length > 1 ? elements[1] : text.Length;
        for (var i = 2; i <= elements.Length; i++)
        {
            var end = i < elements.Length ? elements[i] : text.Length;
            if (metrics.Measure(text[..end]) > maxEms)
                break;
            length = end;
        }
        return text[..length];
    }

    private string WithEllipsis(string line, double maxEms)
    {
        var elements = StringInfo.ParseCombiningCharacters(line);
        for (var count = elements.Length; count > 0; count--)
        {
            var end = count < elements.Length ? elements[count] : line.Length;
            var candidate = line[..end].TrimEnd() + Ellipsis;
            if (metrics.Measure(candidate) <= maxEms)
                return candidate;
        }
        return Ellipsis;
    }
}
