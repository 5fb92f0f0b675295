namespace Waitlist.Tests.Features.Profile;

/// <summary>
/// Where a person still appears in the database: every text, array and JSON column of every table searched for their
/// address and their account id. A table added later is searched too, with no change here.
/// </summary>
public static class PersonalDataFootprint
{
    private const string ColumnsSql = """
        SELECT table_name AS "Table", column_name AS "Column" FROM information_schema.columns
        WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'ARRAY', 'jsonb', 'json')
          AND table_name <> 'schema_migrations'
        ORDER BY table_name, column_name
        """;

    /// <returns>"table.column" for each column where <paramref name="needle"/> appears (case-insensitive), with its count of rows.</returns>
    public static async Task<IReadOnlyList<string>> FindAsync(NpgsqlConnection db, string needle)
    {
        var found = new List<string>();
        foreach (var (table, column) in await db.QueryAsync<(string Table, string Column)>(ColumnsSql))
        {
            var rows = await db.ExecuteScalarAsync<long>(
                $"SELECT count(*) FROM \"{table}\" WHERE strpos(lower(\"{column}\"::text), lower(@needle)) > 0", new { needle });
            if (rows > 0)
                found.Add($"{table}.{column}:{rows}");
        }
        return found;
    }
}
