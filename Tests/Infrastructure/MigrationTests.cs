using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Waitlist.Infrastructure.Database;
using Waitlist.Tests.Support;

namespace Waitlist.Tests.Infrastructure;

public sealed class MigrationTests
{
    [Fact]
    public async Task Instances_starting_together_apply_each_migration_once()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        await using var first = new ApiFactory(connectionString);
        await using var second = new ApiFactory(connectionString);

        // Both start and migrate the same empty database at once; the advisory lock makes one wait for the other.
        await Task.WhenAll(Task.Run(first.StartServer), Task.Run(second.StartServer));
        await first.Services.GetRequiredService<Migrator>().MigrateAsync(CancellationToken.None);

        await using var db = new NpgsqlConnection(connectionString);
        var versions = (await db.QueryAsync<string>("SELECT version FROM schema_migrations ORDER BY version")).ToList();
        Assert.Contains("0001_waitlist_and_outbox", versions);
        Assert.Equal(versions.Distinct().Count(), versions.Count);
        Assert.Equal(1, await db.ExecuteScalarAsync<int>("SELECT count(*) FROM pg_tables WHERE tablename = 'waitlist_entries'"));
    }
}
