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

    // Values that passed validation yet break a table's constraint or encoding: the input is wrong, not the server.
    private static readonly HashSet<string> RejectedInputStates =
    [
        PostgresErrorCodes.CheckViolation,
        PostgresErrorCodes.CharacterNotInRepertoire,
        PostgresErrorCodes.UntranslatableCharacter,
        PostgresErrorCodes.StringDataRightTruncation,
    ];

    public static bool IsRejectedInput(Exception exception) =>
        exception is PostgresException postgres && RejectedInputStates.Contains(postgres.SqlState);

    public static bool IsUnavailable(Exception exception) => exception switch
    {
        PostgresException postgres => UnavailableStates.Contains(postgres.SqlState),
        NpgsqlException npgsql => npgsql.IsTransient || npgsql.InnerException is SocketException or TimeoutException or IOException,
        SocketException or TimeoutException => true,
        _ => exception.InnerException is { } inner && IsUnavailable(inner),
    };
}
