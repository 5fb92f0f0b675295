namespace Waitlist.Infrastructure.Configuration;

/// <summary>
/// The platform's conventional environment variables (DATABASE_URL, BETTER_AUTH_URL, ...) are aliases of
/// configuration keys. An alias beats appsettings.json, but the canonical spelling (ConnectionStrings__Postgres,
/// Auth__BaseUrl, ...) wins when both are set, so an operator who uses it is never overruled.
/// </summary>
public static class EnvironmentAliases
{
    private static readonly (string Variable, string Key)[] Aliases =
    [
        ("BETTER_AUTH_URL", "Auth:BaseUrl"),
        ("BETTER_AUTH_SECRET", "Auth:Secret"),
        ("BETTER_AUTH_TRUSTED_ORIGINS", "Auth:TrustedOrigins"),
        ("CRON_SECRET", "Cron:Secret"),
    ];

    public static void AddEnvironmentAliases(this IConfigurationManager configuration)
    {
        var values = new Dictionary<string, string?>();
        foreach (var (variable, key) in Aliases)
        {
            var value = Environment.GetEnvironmentVariable(variable);
            if (!string.IsNullOrWhiteSpace(value) && !IsSetCanonically(key))
                values[key] = value;
        }

        var databaseUrl = Environment.GetEnvironmentVariable("DATABASE_URL");
        if (!string.IsNullOrWhiteSpace(databaseUrl) && !IsSetCanonically("ConnectionStrings:Postgres"))
            values["ConnectionStrings:Postgres"] = DatabaseUrl.ToConnectionString(databaseUrl);

        if (values.Count > 0)
            configuration.AddInMemoryCollection(values);
    }

    private static bool IsSetCanonically(string key) =>
        !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(key.Replace(":", "__")));
}
