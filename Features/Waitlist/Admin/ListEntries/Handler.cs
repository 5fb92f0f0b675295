namespace Waitlist.Features.Waitlist.Admin.ListEntries;

/// <summary>One page of the entries that match the filters, and how many match in all: one round trip.</summary>
internal sealed class Handler(DbScope db, WaitlistSettings settings) : IHandler
{
    private const string PageSql = $"""
        SELECT count(*) FROM waitlist_entries e WHERE {EntryFilter.WhereSql};
        {AdminEntry.SelectSql}
        WHERE {EntryFilter.WhereSql}
        {AdminEntry.OrderSql}
        LIMIT @Limit OFFSET @Offset
        """;

    public async Task<Ok<Response>> HandleAsync(Request request, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters(request.Parameters());
        parameters.AddDynamicParams(new { Limit = request.PageSize, Offset = request.Skip, Boost = settings.ReferralBoost });
        var (total, entries) = await db.RunAsync(async (connection, transaction) =>
        {
            await using var results = await connection.QueryMultipleAsync(new CommandDefinition(PageSql, parameters, transaction, cancellationToken: cancellationToken));
            return (await results.ReadSingleAsync<long>(), (await results.ReadAsync<AdminEntry>()).AsList());
        }, cancellationToken);
        return TypedResults.Ok(new Response(entries, new Pagination(total, request.PageSize, request.Skip, request.Skip + entries.Count < total)));
    }
}
