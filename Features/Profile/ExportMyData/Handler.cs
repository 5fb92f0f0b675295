using Microsoft.AspNetCore.Http.Json;

namespace Waitlist.Features.Profile.ExportMyData;

/// <summary>
/// Everything the API holds about the caller (the GDPR rights of access and portability): each feature's
/// <see cref="IPersonalData"/> section, read in one snapshot, as a JSON file to download.
/// </summary>
internal sealed class Handler(DbScope db, IEnumerable<IPersonalData> personalData, IOptions<JsonOptions> json, TimeProvider time) : IHandler
{
    // One consistent view of every table, however long the export takes; nothing here writes.
    private const string SnapshotSql = "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY";

    public async Task<FileContentHttpResult> HandleAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var user = context.RequiredUser();
        var subject = new DataSubject(user.Id, user.Email);
        var sections = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        await using (var transaction = await db.BeginTransactionAsync(cancellationToken))
        {
            await db.ExecuteAsync(SnapshotSql, null, cancellationToken);
            foreach (var section in personalData)
                sections[section.Section] = await section.ExportAsync(subject, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        var exportedAt = time.GetUtcNow();
        var options = new JsonSerializerOptions(json.Value.SerializerOptions) { WriteIndented = true };
        var file = JsonSerializer.SerializeToUtf8Bytes(new Response(exportedAt, sections), options);
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.File(file, "application/json", $"mis-datos-{exportedAt:yyyy-MM-dd}.json");
    }
}
