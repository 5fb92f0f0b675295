using Dapper;
using Npgsql;

namespace Waitlist.Infrastructure.Database;

public static class DatabaseSetup
{
    public static IServiceCollection AddDatabase(this IServiceCollection services)
    {
        // Columns are snake_case, C# members PascalCase: let Dapper map one onto the other.
        DefaultTypeMap.MatchNamesWithUnderscores = true;

        services.AddSingleton(provider =>
        {
            var connectionString = provider.GetRequiredService<IConfiguration>().GetConnectionString("Postgres");
            if (string.IsNullOrWhiteSpace(connectionString))
                throw new InvalidOperationException(
                    "No PostgreSQL connection string. Set ConnectionStrings__Postgres or DATABASE_URL, " +
                    "or start the API with scripts/run-api, which starts a local cluster.");
            return new NpgsqlDataSourceBuilder(ConnectionTuning.Apply(connectionString)).Build();
        });
        services.AddSingleton<Migrator>();
        services.AddHostedService<MigrationService>();
        return services;
    }
}
