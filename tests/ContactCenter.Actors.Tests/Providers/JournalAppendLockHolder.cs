using Npgsql;

namespace ContactCenter.Actors.Tests.Providers;

/// <summary>Holds the journal's append lock (the advisory lock every journal transaction takes before drawing its
/// positions) from a connection of its own. A batch that has claimed its versions then waits in the database, and the
/// journal's next appends queue behind it in the process: a test decides what goes in which batch.</summary>
internal sealed class JournalAppendLockHolder : IAsyncDisposable
{
    private const long AppendLockKey = 0x43434A524E4C; // "CCJRNL", as in the journal

    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private bool _released;

    private JournalAppendLockHolder(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
    }

    public static async Task<JournalAppendLockHolder> TakeAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({AppendLockKey})", connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return new JournalAppendLockHolder(connection, transaction);
    }

    /// <summary>Waits until a server process other than <paramref name="except"/> waits for the append lock in this
    /// database (a batch has been sent and has claimed its versions); returns its process id.</summary>
    public async Task<int> WaitForWaiterAsync(string phase, CancellationToken cancellationToken, int except = 0)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        await using var command = new NpgsqlCommand(
            """
            SELECT pid FROM pg_locks
            WHERE locktype = 'advisory' AND NOT granted AND pid <> $1
              AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
            LIMIT 1
            """, _connection, _transaction);
        command.Parameters.AddWithValue(except);
        try
        {
            while (true)
            {
                if (await command.ExecuteScalarAsync(timeout.Token) is int pid)
                {
                    return pid;
                }
                await Task.Yield();
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{phase}: no batch waited for the journal's append lock within 30 s");
        }
    }

    /// <summary>Ends the server process <paramref name="pid"/> (a batch in flight loses its connection).</summary>
    public async Task TerminateAsync(int pid, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_terminate_backend($1)", _connection, _transaction);
        command.Parameters.AddWithValue(pid);
        Assert.True((bool)(await command.ExecuteScalarAsync(cancellationToken))!, $"could not terminate server process {pid}");
    }

    public async Task ReleaseAsync()
    {
        if (!_released)
        {
            _released = true;
            await _transaction.CommitAsync(CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await ReleaseAsync();
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
