using System.Collections.Concurrent;
using System.Reflection;
using HandlebarsDotNet;

namespace Waitlist.Infrastructure.Email;

/// <summary>
/// Renders an email from the Handlebars pair <c>&lt;Name&gt;.html.hbs</c> / <c>&lt;Name&gt;.txt.hbs</c> that a feature
/// embeds next to its use case. The HTML template escapes every value; the text one is not HTML, so it does not. The
/// one renderer: of a message rendered when it is queued, and of one queued as a template and its data (<see cref="TemplatedEmail"/>),
/// rendered by the delivery.
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

    /// <summary>A message queued as a template and its data, from the outbox's columns (the data as JSON text).</summary>
    public EmailMessage Render(string templateName, string to, string subject, string dataJson, string? headersJson)
    {
        using var data = JsonDocument.Parse(dataJson);
        return Render(templateName, to, subject, Model(data.RootElement)!) with { Headers = Headers(headersJson) };
    }

    public static IReadOnlyDictionary<string, string> Headers(string? headersJson) =>
        headersJson is null ? EmailHeaders.None : JsonSerializer.Deserialize<Dictionary<string, string>>(headersJson) ?? EmailHeaders.None;

    /// <summary>JSON as the objects Handlebars reads: objects as dictionaries, arrays as lists, numbers as numbers.</summary>
    private static object? Model(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(property => property.Name, property => Model(property.Value)),
        JsonValueKind.Array => element.EnumerateArray().Select(Model).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt64(out var whole) ? whole : element.GetDecimal(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

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
