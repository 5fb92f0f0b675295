using System.Net.Sockets;
using Npgsql;

namespace Waitlist.Infrastructure.Database;

public static class DatabaseErrors
{
    // Server-side states that mean "the database cannot serve right now", not "this request is wrong".
    private static readonly HashSet<string> UnavailableStates =
    [
        PostgresErrorCodes.AdminShutdown,
        PostgresErrorCodes.CrashShutdown,
        PostgresErrorCodes.CannotConnectNow,
        PostgresErrorCodes.TooManyConnections,
        PostgresErrorCodes.InvalidCatalogName,
        PostgresErrorCodes.UndefinedTable, // schema not migrated yet: the migrator is still retrying
    ];

    public static bool IsUnavailable(Exception exception) => exception switch
    {
        PostgresException postgres => UnavailableStates.Contains(postgres.SqlState),
        NpgsqlException npgsql => npgsql.IsTransient || npgsql.InnerException is SocketException or TimeoutException or IOException,
        SocketException or TimeoutException => true,
        _ => exception.InnerException is { } inner && IsUnavailable(inner),
    };
}
