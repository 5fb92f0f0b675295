using System.Data;

namespace Waitlist.Infrastructure.Database;

/// <summary>
/// The database as one request (or one job run) sees it; a scoped service. Outside a transaction each command takes
/// a pooled connection and gives it back at once, so a request that spends time elsewhere (a password KDF, an image
/// decode) holds none. <see cref="BeginTransactionAsync"/> pins one connection until the transaction ends, and every
/// command of the scope — whichever store issues it, the email outbox included — joins it: what a use case writes
/// together commits together.
/// </summary>
public sealed class DbScope(NpgsqlDataSource dataSource) : IAsyncDisposable
{
    private NpgsqlConnection? _connection;
    private NpgsqlTransaction? _transaction;
    private List<Action>? _afterCommit;

    public bool InTransaction => _transaction is not null;

    public async Task<Transaction> BeginTransactionAsync(CancellationToken cancellationToken)
    {
        if (_transaction is not null)
            throw new InvalidOperationException("A transaction is already open in this scope.");
        _connection = await dataSource.OpenConnectionAsync(cancellationToken);
        _transaction = await _connection.BeginTransactionAsync(cancellationToken);
        return new Transaction(this);
    }

    /// <summary>
    /// Runs <paramref name="work"/> in the scope's transaction: the one already open (the caller commits it), or a new
    /// one committed when <paramref name="work"/> completes. For a write that must commit together with what it causes,
    /// such as a notification (<c>NotificationPublisher</c>), whether or not the use case opened a transaction.
    /// </summary>
    public async Task<T> InTransactionAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        if (_transaction is not null)
            return await work();
        await using var transaction = await BeginTransactionAsync(cancellationToken);
        var result = await work();
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>
    /// Runs <paramref name="action"/> once what the scope wrote is committed: at once outside a transaction, after
    /// the commit inside one, never if it rolls back. For waking a worker that must see the rows.
    /// </summary>
    public void AfterCommit(Action action)
    {
        if (_transaction is null)
            action();
        else
            (_afterCommit ??= []).Add(action);
    }

    public Task<int> ExecuteAsync(string sql, object? parameters, CancellationToken cancellationToken) =>
        RunAsync((connection, transaction) => connection.ExecuteAsync(Command(sql, parameters, transaction, cancellationToken)), cancellationToken);

    public Task<T?> ScalarAsync<T>(string sql, object? parameters, CancellationToken cancellationToken) =>
        RunAsync((connection, transaction) => connection.ExecuteScalarAsync<T>(Command(sql, parameters, transaction, cancellationToken)), cancellationToken);

    public Task<T?> SingleOrDefaultAsync<T>(string sql, object? parameters, CancellationToken cancellationToken) =>
        RunAsync((connection, transaction) => connection.QuerySingleOrDefaultAsync<T>(Command(sql, parameters, transaction, cancellationToken)), cancellationToken);

    public Task<T> SingleAsync<T>(string sql, object? parameters, CancellationToken cancellationToken) =>
        RunAsync((connection, transaction) => connection.QuerySingleAsync<T>(Command(sql, parameters, transaction, cancellationToken)), cancellationToken);

    public async Task<IReadOnlyList<T>> ListAsync<T>(string sql, object? parameters, CancellationToken cancellationToken) =>
        (await RunAsync((connection, transaction) => connection.QueryAsync<T>(Command(sql, parameters, transaction, cancellationToken)), cancellationToken)).AsList();

    /// <summary>For what the shortcuts above do not cover (multi-mapping, several result sets, COPY).</summary>
    public async Task<T> RunAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction?, Task<T>> command, CancellationToken cancellationToken)
    {
        if (_transaction is not null)
            return await command(_connection!, _transaction);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await command(connection, null);
    }

    private static CommandDefinition Command(string sql, object? parameters, IDbTransaction? transaction, CancellationToken cancellationToken) =>
        new(sql, parameters, transaction, cancellationToken: cancellationToken);

    private async ValueTask EndTransactionAsync(bool commit, CancellationToken cancellationToken)
    {
        var (connection, transaction, afterCommit) = (_connection, _transaction, _afterCommit);
        _connection = null;
        _transaction = null;
        _afterCommit = null;
        if (transaction is null)
            return;
        try
        {
            if (commit)
                await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            await transaction.DisposeAsync(); // rolls back what was not committed
            await connection!.DisposeAsync();
        }
        if (commit)
            afterCommit?.ForEach(action => action());
    }

    public ValueTask DisposeAsync() => EndTransactionAsync(commit: false, CancellationToken.None);

    /// <summary>An open transaction: commit it, or dispose it to roll back.</summary>
    public sealed class Transaction(DbScope scope) : IAsyncDisposable
    {
        public Task CommitAsync(CancellationToken cancellationToken) => scope.EndTransactionAsync(commit: true, cancellationToken).AsTask();

        public ValueTask DisposeAsync() => scope.EndTransactionAsync(commit: false, CancellationToken.None);
    }
}
