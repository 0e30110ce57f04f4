using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;

namespace ContactCenter.Actors.Postgres;

/// <summary>The event journal on PostgreSQL. The <c>journal_streams</c> row arbitrates versions (compare-and-swap);
/// events are inserted in the same transaction. Every append takes one transaction-scoped advisory lock before its
/// positions are drawn, so that global positions become visible in position order — a projection that has read
/// position P never sees a smaller position commit later. That serialises commits across the cluster, so appends are
/// group-committed: the concurrent appends of this process are written together, one batch per round trip,
/// transaction, advisory lock and commit (<see cref="JournalAppendBatcher"/>, <c>journal_append_batch</c> in migration
/// 0003), each keeping its own compare-and-swap outcome.</summary>
/// <remarks>Cancelling an append takes it back only while it waits for a batch; once its batch is sent, the append's
/// real outcome stands (the new version, or its conflict or error) whatever the token says.</remarks>
public sealed class PostgresEventJournal : IEventJournal
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly JournalAppendBatcher _batcher;

    public PostgresEventJournal(
        NpgsqlDataSource dataSource,
        PostgresClock clock,
        PostgresEventJournalOptions? options = null,
        ILogger<PostgresEventJournal>? logger = null,
        IMeterFactory? meterFactory = null,
        TimeProvider? timeProvider = null)
    {
        options ??= new PostgresEventJournalOptions();
        options.Validate();
        _dataSource = dataSource;
        _batcher = new JournalAppendBatcher(
            new JournalBatchWriter(dataSource, clock),
            options.MaxBatchSize,
            new JournalMetrics(meterFactory),
            timeProvider ?? TimeProvider.System,
            (ILogger?)logger ?? NullLogger.Instance);
    }

    /// <inheritdoc />
    /// <remarks>Group-committed with the other appends of this process in flight at the same time; cancellation removes
    /// the append only while it has not been sent.</remarks>
    public Task<long> AppendAsync(string streamId, long expectedVersion, IReadOnlyList<EventData> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(streamId);
        ArgumentNullException.ThrowIfNull(events);
        return events.Count == 0
            ? Task.FromResult(expectedVersion)
            : _batcher.AppendAsync(streamId, expectedVersion, events, cancellationToken);
    }

    public Task<IReadOnlyList<JournalRecord>> ReadStreamAsync(string streamId, long afterVersion, int maxCount, CancellationToken cancellationToken = default) =>
        ReadAsync(
            "SELECT stream_id, version, position, event_type, data::text, created_at FROM journal_events WHERE stream_id = $1 AND version > $2 ORDER BY version LIMIT $3",
            [streamId, afterVersion, maxCount],
            cancellationToken);

    public Task<IReadOnlyList<JournalRecord>> ReadAllAsync(long afterPosition, int maxCount, CancellationToken cancellationToken = default) =>
        ReadAsync(
            "SELECT stream_id, version, position, event_type, data::text, created_at FROM journal_events WHERE position > $1 ORDER BY position LIMIT $2",
            [afterPosition, maxCount],
            cancellationToken);

    public async Task<JournalSnapshot?> ReadSnapshotAsync(string streamId, CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand("SELECT version, data::text FROM journal_snapshots WHERE stream_id = $1");
        command.Parameters.AddWithValue(streamId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new JournalSnapshot(streamId, reader.GetInt64(0), reader.GetString(1))
            : null;
    }

    /// <inheritdoc />
    /// <remarks>One statement: the snapshot row (kind 0) and the events after its version (kind 1), seen at one
    /// moment.</remarks>
    public async Task<(JournalSnapshot? Snapshot, IReadOnlyList<JournalRecord> Records)> ReadLatestAsync(
        string streamId, int maxCount, CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand(
            """
            WITH s AS (SELECT version, data::text AS data FROM journal_snapshots WHERE stream_id = $1)
            SELECT 0, version, 0::bigint, NULL::text, data, NULL::timestamptz FROM s
            UNION ALL
            (SELECT 1, e.version, e.position, e.event_type, e.data::text, e.created_at FROM journal_events e
             WHERE e.stream_id = $1 AND e.version > coalesce((SELECT version FROM s), 0) ORDER BY e.version LIMIT $2)
            """);
        command.Parameters.AddWithValue(streamId);
        command.Parameters.AddWithValue(maxCount);
        JournalSnapshot? snapshot = null;
        var records = new List<JournalRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (reader.GetInt32(0) == 0)
            {
                snapshot = new JournalSnapshot(streamId, reader.GetInt64(1), reader.GetString(4));
                continue;
            }
            records.Add(new JournalRecord(
                streamId, reader.GetInt64(1), reader.GetInt64(2), reader.GetString(3), reader.GetString(4),
                new DateTimeOffset(reader.GetDateTime(5), TimeSpan.Zero)));
        }
        // UNION ALL promises no order between its parts; within the events' part the ORDER BY holds.
        records.Sort(static (a, b) => a.Version.CompareTo(b.Version));
        return (snapshot, records);
    }

    public async Task WriteSnapshotAsync(string streamId, long version, string stateJson, CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand(
            """
            INSERT INTO journal_snapshots (stream_id, version, data) VALUES ($1, $2, $3)
            ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version, data = excluded.data
            WHERE journal_snapshots.version < excluded.version
            """);
        command.Parameters.AddWithValue(streamId);
        command.Parameters.AddWithValue(version);
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = stateJson });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<JournalRecord>> ReadAsync(string sql, object[] parameters, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.AddWithValue(parameter);
        }
        var records = new List<JournalRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            records.Add(new JournalRecord(
                reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetString(3), reader.GetString(4),
                new DateTimeOffset(reader.GetDateTime(5), TimeSpan.Zero)));
        }
        return records;
    }
}
