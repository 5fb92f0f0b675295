namespace Waitlist.Features.Waitlist.Admin.ExportEntries;

/// <summary>Every entry that matches the filters, as a CSV file streamed while it is read (see <see cref="Response"/>).</summary>
internal sealed class Handler(DbScope db, WaitlistSettings settings, TimeProvider time) : IHandler
{
    private const string ExportSql = $"""
        {AdminEntry.SelectSql}
        WHERE {EntryFilter.WhereSql}
        {AdminEntry.OrderSql}
        """;

    public Response Handle(EntryFilter filter)
    {
        var parameters = new DynamicParameters(filter.Parameters());
        parameters.Add("Boost", settings.ReferralBoost);
        return new Response(db, ExportSql, parameters, time.GetUtcNow());
    }
}
