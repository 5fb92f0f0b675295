using System.Net.Sockets;

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

    /// <summary>
    /// Text PostgreSQL cannot store — a NUL character, or a lone UTF-16 surrogate that has no UTF-8 encoding: the
    /// request's fault, not the server's.
    /// </summary>
    public static bool IsInvalidText(Exception exception) => exception switch
    {
        PostgresException postgres => postgres.SqlState is PostgresErrorCodes.CharacterNotInRepertoire or PostgresErrorCodes.UntranslatableCharacter,
        System.Text.EncoderFallbackException => true,
        _ => exception.InnerException is { } inner && IsInvalidText(inner),
    };

    // Values that passed validation yet break a table's constraint: the input is wrong, not the server.
    private static readonly HashSet<string> RejectedInputStates =
    [
        PostgresErrorCodes.CheckViolation,
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
