namespace Waitlist.Infrastructure.Http;

public static class ResponseBodies
{
    /// <summary>
    /// Writes a body already in memory (a drawn preview, the OpenAPI document) into Kestrel's output in one piece.
    /// <c>Body.WriteAsync</c> copies it into 4 KB buffers rented one at a time and sends them as as many pieces: about a
    /// tenth of a cached preview's cost. Asked for the whole size at once, the output takes it in one buffer.
    /// </summary>
    public static async Task WriteInOnePieceAsync(this HttpResponse response, byte[] body, CancellationToken cancellationToken)
    {
        // Before the headers are out, Kestrel lends a temporary buffer and copies it once more when they go.
        await response.StartAsync(cancellationToken);
        var writer = response.BodyWriter;
        body.CopyTo(writer.GetSpan(body.Length));
        writer.Advance(body.Length);
        await writer.FlushAsync(cancellationToken);
    }
}
