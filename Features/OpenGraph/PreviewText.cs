namespace Waitlist.Features.OpenGraph;

/// <summary>What a person typed, made safe to draw: one line of text in Unicode NFC form.</summary>
public static class PreviewText
{
    /// <summary>The most characters (grapheme clusters, what a reader counts: an emoji is one) a text may have.</summary>
    public const int MaxLength = 100;

    public static int Length(string text) => new StringInfo(text.Trim()).LengthInTextElements;

    /// <summary>
    /// Control characters (line breaks and tabs included) become spaces, runs of white space one space, lone
    /// surrogates and the XML-forbidden U+FFFE/U+FFFF the replacement character; the result is NFC-normalised
    /// and trimmed. Empty means "use the default".
    /// </summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        var builder = new StringBuilder(text.Length);
        var lastWasSpace = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
                lastWasSpace = false;
                continue;
            }
            if (char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF')
                c = '\uFFFD';
            if (char.IsControl(c) || char.IsWhiteSpace(c))
            {
                if (!lastWasSpace)
                    builder.Append(' ');
                lastWasSpace = true;
                continue;
            }
            builder.Append(c);
            lastWasSpace = false;
        }
        return builder.ToString().Trim().Normalize(NormalizationForm.FormC);
    }
}
