using Waitlist.Infrastructure.Database;

namespace Waitlist.Tests.Infrastructure;

public sealed class MigrationTests(ApiFixture fixture) : ApiTests<ApiFixture>(fixture)
{
    private Migrator MigratorFor(string connectionString) =>
        new(new NpgsqlDataSourceBuilder(connectionString).Build(), Api.Services.GetRequiredService<ILogger<Migrator>>());

    [Fact]
    public async Task Applies_every_migration_once_and_records_it()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        var migrator = MigratorFor(connectionString);

        await migrator.MigrateAsync(CancellationToken.None);
        await migrator.MigrateAsync(CancellationToken.None);

        await using var db = new NpgsqlConnection(connectionString);
        var versions = (await db.QueryAsync<string>("SELECT version FROM schema_migrations ORDER BY version")).ToList();
        Assert.Equal(["0001_waitlist_and_outbox", "0002_auth", "0003_cron"], versions.Take(3));
        Assert.Equal(1, await db.ExecuteScalarAsync<int>("SELECT count(*) FROM pg_tables WHERE tablename = 'waitlist_entries'"));
    }

    [Fact]
    public async Task A_migrator_waits_while_another_instance_holds_the_lock()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        await using var otherInstance = new NpgsqlConnection(connectionString);
        await otherInstance.OpenAsync();
        await otherInstance.ExecuteAsync("SELECT pg_advisory_lock(@key)", new { key = Migrator.LockKey });

        var migration = MigratorFor(connectionString).MigrateAsync(CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.False(migration.IsCompleted, "The migrator ran although another instance held the migration lock.");
        Assert.Equal(0, await otherInstance.ExecuteScalarAsync<int>("SELECT count(*) FROM pg_tables WHERE tablename = 'waitlist_entries'"));

        await otherInstance.ExecuteAsync("SELECT pg_advisory_unlock(@key)", new { key = Migrator.LockKey });
        await migration.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(1, await otherInstance.ExecuteScalarAsync<int>("SELECT count(*) FROM pg_tables WHERE tablename = 'waitlist_entries'"));
    }

    [Fact]
    public async Task Instances_starting_together_all_come_up_on_one_schema()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        var migrators = Enumerable.Range(0, 4).Select(_ => MigratorFor(connectionString)).ToList();

        await Task.WhenAll(migrators.Select(m => Task.Run(() => m.MigrateAsync(CancellationToken.None))));

        await using var db = new NpgsqlConnection(connectionString);
        var versions = await db.QueryAsync<string>("SELECT version FROM schema_migrations");
        Assert.Equal(versions.Count(), versions.Distinct().Count());
    }
}
