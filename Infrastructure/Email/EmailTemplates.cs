using System.Collections.Concurrent;
using System.Reflection;
using HandlebarsDotNet;

namespace Waitlist.Infrastructure.Email;

/// <summary>
/// Renders an email from the Handlebars pair <c>&lt;Name&gt;.html.hbs</c> / <c>&lt;Name&gt;.txt.hbs</c> that a feature
/// embeds next to its use case. The HTML template escapes every value; the text one is not HTML, so it does not.
/// </summary>
public sealed class EmailTemplates
{
    private readonly IHandlebars _html = Handlebars.Create();
    private readonly IHandlebars _text = Handlebars.Create(new HandlebarsConfiguration { NoEscape = true });
    private readonly ConcurrentDictionary<string, HandlebarsTemplate<object, object>> _compiled = new();

    public EmailMessage Render(string templateName, string to, string subject, object model) => new(
        to,
        subject,
        Compiled(_html, $"{templateName}.html.hbs")(model),
        Compiled(_text, $"{templateName}.txt.hbs")(model));

    private HandlebarsTemplate<object, object> Compiled(IHandlebars handlebars, string fileName) =>
        _compiled.GetOrAdd(fileName, name => handlebars.Compile(ReadResource(name)));

    private static string ReadResource(string fileName)
    {
        var assembly = Assembly.GetExecutingAssembly();
        var resource = assembly.GetManifestResourceNames().SingleOrDefault(n => n.EndsWith("." + fileName, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"No embedded email template named {fileName}.");
        using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
        return reader.ReadToEnd();
    }
}
