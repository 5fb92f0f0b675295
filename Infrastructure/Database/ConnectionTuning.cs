using System.Data.Common;

namespace Waitlist.Infrastructure.Database;

/// <summary>
/// Npgsql settings the API runs faster with, added to the connection string unless it sets them itself (so an
/// operator can still turn any of them off); see the README's "Runtime tuning" for the measurements. Multiplexing
/// is left off: it cannot hold a session-level advisory lock (migrations, cron) on one connection.
/// </summary>
public static class ConnectionTuning
{
    private static readonly (string Keyword, string Value)[] Defaults =
    [
        // Frequent statements become server-side prepared statements after their second use on a connection:
        // PostgreSQL then skips parsing and planning them (30-40% less database CPU per waitlist post and per
        // session lookup). Statements name their columns (no SELECT *), so a migration that adds a column does not
        // invalidate the statements prepared by instances still running the previous release.
        ("Max Auto Prepare", "20"),
        ("Auto Prepare Min Usages", "2"),
        // A pooled connection is not reset when it returns to the pool; with prepared statements the reset is a
        // batch of statements that halved the gain of preparing. Safe only while no code leaves session state on a
        // pooled connection: advisory locks are released in finally blocks, and nothing runs SET outside a
        // transaction, creates temporary tables or LISTENs on a pooled connection.
        ("No Reset On Close", "true"),
    ];

    public static string Apply(string connectionString)
    {
        var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var given = builder.Keys.Cast<string>().Select(Normalize).ToHashSet();
        foreach (var (keyword, value) in Defaults)
            if (!given.Contains(Normalize(keyword)))
                builder[keyword] = value;
        return builder.ConnectionString;
    }

    // Npgsql accepts a keyword with or without its spaces, in any letter case.
    private static string Normalize(string keyword) => keyword.Replace(" ", "").ToLowerInvariant();
}
