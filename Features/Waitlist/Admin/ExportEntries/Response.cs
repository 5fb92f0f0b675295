using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace Waitlist.Features.Waitlist.Admin.ExportEntries;

/// <summary>
/// The export, written as the rows arrive from PostgreSQL: one row in memory at a time and a 16 KB buffer, however many
/// rows there are. UTF-8 with a BOM and «;» between cells, which is how Excel opens a CSV in Spanish (its list
/// separator; «,» is the decimal one), accents included; RFC 4180 quoting otherwise. A cell that a spreadsheet would
/// read as a formula (it starts with = + - @, a tab or a carriage return) gets a leading apostrophe (OWASP's CSV
/// injection guard).
/// </summary>
internal sealed class Response(DbScope db, string sql, object parameters, DateTimeOffset now) : IResult, IEndpointMetadataProvider
{
    public const char Separator = ';';
    private const string TimeFormat = "yyyy-MM-dd HH:mm:ss";

    public async Task ExecuteAsync(HttpContext context)
    {
        var response = context.Response;
        var cancellationToken = context.RequestAborted;
        response.ContentType = "text/csv; charset=utf-8";
        response.Headers.ContentDisposition = $"attachment; filename=\"{WaitlistTexts.ExportFileName}-{now:yyyy-MM-dd}.csv\"";
        response.Headers.CacheControl = "no-store";

        await using var writer = new StreamWriter(response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 16 * 1024);
        await writer.WriteAsync(Line(WaitlistTexts.ExportColumns));
        await db.RunAsync(async (connection, transaction) =>
        {
            await foreach (var entry in connection.QueryUnbufferedAsync<AdminEntry>(sql, parameters, transaction).WithCancellation(cancellationToken))
                await writer.WriteAsync(Line(Cells(entry)));
            return true;
        }, cancellationToken);
        await writer.FlushAsync(cancellationToken);
    }

    private static string?[] Cells(AdminEntry entry) =>
    [
        entry.Id.ToString(), entry.Email, entry.Type, entry.Name, entry.Field, entry.Company, entry.Status,
        entry.Position?.ToString(CultureInfo.InvariantCulture), entry.Referrals.ToString(CultureInfo.InvariantCulture), entry.ReferralCode,
        Time(entry.CreatedAt), Time(entry.ConfirmedAt), Time(entry.InvitedAt), Time(entry.ArchivedAt),
    ];

    private static string? Time(DateTime? time) => time?.ToUniversalTime().ToString(TimeFormat, CultureInfo.InvariantCulture);

    internal static string Line(IEnumerable<string?> cells) => string.Join(Separator, cells.Select(Cell)) + "\r\n";

    /// <summary>One cell: guarded against formulas, then quoted when it holds the separator, a quote or a line break.</summary>
    internal static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return "";
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            value = "'" + value;
        return value.AsSpan().IndexOfAny([Separator, '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(string), ["text/csv"]));
}
