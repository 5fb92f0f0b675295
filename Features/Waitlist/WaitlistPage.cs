using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http.Metadata;

namespace Waitlist.Features.Waitlist;

/// <summary>
/// A small Spanish HTML page the API answers itself, for links opened from an email: a confirmation without
/// <c>Waitlist:ConfirmedUrl</c>, and leaving the list. Nothing on it comes from the request; it loads nothing, is never
/// cached, and sends no Referer on (its address holds the token). A page with a button posts to its own address.
/// </summary>
internal sealed class WaitlistPage(int status, string title, string message, string? button = null) : IResult, IEndpointMetadataProvider
{
    // Escapes markup only: Spanish letters stay as they are (the page is UTF-8).
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public Task ExecuteAsync(HttpContext context)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'";
        response.Headers.XContentTypeOptions = "nosniff";
        return response.WriteAsync(Html(), context.RequestAborted);
    }

    private string Html()
    {
        // An empty form action posts to the page's own address, token included.
        var form = button is null ? "" : $"""

              <form method="post"><button type="submit" style="font-size: 1rem; padding: 0.6rem 1.2rem; cursor: pointer;">{Encoder.Encode(button)}</button></form>
            """;
        return $"""
            <!DOCTYPE html>
            <html lang="es">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>{Encoder.Encode(title)}</title></head>
            <body style="font-family: Arial, Helvetica, sans-serif; color: #1f2937; line-height: 1.5; max-width: 36rem; margin: 3rem auto; padding: 0 1rem;">
              <h1 style="font-size: 1.4rem;">{Encoder.Encode(title)}</h1>
              <p>{Encoder.Encode(message)}</p>{form}
            </body>
            </html>
            """;
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(string), ["text/html"]));
}
