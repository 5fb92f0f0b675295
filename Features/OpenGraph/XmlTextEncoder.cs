using HandlebarsDotNet;

namespace Waitlist.Features.OpenGraph;

/// <summary>
/// Handlebars output encoding for XML (the SVG template): the five markup characters become entities and
/// characters XML 1.0 forbids (C0 controls other than tab and line breaks, lone surrogates, U+FFFE/U+FFFF)
/// become U+FFFD. Whatever a value holds, it stays character data: no element, entity, CDATA end or
/// processing instruction can come out of it.
/// </summary>
public sealed class XmlTextEncoder : ITextEncoder
{
    public void Encode(StringBuilder? text, TextWriter target) => Encode(text?.ToString(), target);

    public void Encode(string? text, TextWriter target)
    {
        if (text is null)
            return;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                target.Write(c);
                target.Write(text[++i]);
                continue;
            }
            Write(c, target);
        }
    }

    public void Encode<T>(T? text, TextWriter target) where T : IEnumerator<char>
    {
        if (text is null)
            return;
        var buffer = new StringBuilder();
        while (text.MoveNext())
            buffer.Append(text.Current);
        Encode(buffer.ToString(), target);
    }

    private static void Write(char c, TextWriter target)
    {
        switch (c)
        {
            case '&': target.Write("&amp;"); break;
            case '<': target.Write("&lt;"); break;
            case '>': target.Write("&gt;"); break;
            case '"': target.Write("&quot;"); break;
            case '\'': target.Write("&apos;"); break;
            case '\t' or '\n' or '\r': target.Write(c); break;
            case < ' ' or '\uFFFE' or '\uFFFF': target.Write('\uFFFD'); break;
            case var _ when char.IsSurrogate(c): target.Write('\uFFFD'); break;
            default: target.Write(c); break;
        }
    }
}
