using System.ComponentModel.DataAnnotations;

namespace Waitlist.Infrastructure.Database;

/// <summary>The <c>Database</c> section.</summary>
public sealed class DatabaseSettings
{
    /// <summary>How long start-up waits for PostgreSQL before serving 503s and retrying in the background.</summary>
    [Range(0, 3600, ErrorMessage = "Database:StartupTimeoutSeconds must be between 0 and 3600.")]
    public int StartupTimeoutSeconds { get; set; } = 30;
}

public static class DatabaseSetup
{
    public static IServiceCollection AddDatabase(this IServiceCollection services)
    {
        // Columns are snake_case, C# members PascalCase: let Dapper map one onto the other.
        DefaultTypeMap.MatchNamesWithUnderscores = true;

        services.AddSettings<DatabaseSettings>("Database");
        services.AddSingleton(provider =>
        {
            var connectionString = provider.GetRequiredService<IConfiguration>().GetConnectionString("Postgres");
            if (string.IsNullOrWhiteSpace(connectionString))
                throw new InvalidOperationException(
                    "No PostgreSQL connection string. Set ConnectionStrings__Postgres or DATABASE_URL, " +
                    "or start the API with scripts/run-api, which starts a local cluster.");
            return new NpgsqlDataSourceBuilder(ConnectionTuning.Apply(connectionString)).Build();
        });
        services.AddScoped<DbScope>();
        services.AddSingleton<Migrator>();
        services.AddHostedService<MigrationService>();
        return services;
    }
}
