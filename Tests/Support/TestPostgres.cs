namespace Waitlist.Tests.Support;

/// <summary>The throwaway cluster that scripts/test starts; every test class makes a database of its own in it.</summary>
public static class TestPostgres
{
    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable("WAITLIST_TEST_POSTGRES")
        ?? throw new InvalidOperationException("Run the suite with scripts/test: it starts PostgreSQL and sets WAITLIST_TEST_POSTGRES.");

    public static async Task<string> CreateDatabaseAsync()
    {
        var name = "test_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }
}
