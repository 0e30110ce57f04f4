using Npgsql;
using NpgsqlTypes;

namespace ContactCenter.Actors.Postgres;

/// <summary>The event journal on PostgreSQL. The <c>journal_streams</c> row arbitrates versions (compare-and-swap);
/// events are inserted in the same statement. Appends take one transaction-scoped advisory lock before their positions
/// are drawn, so that global positions become visible in position order — a projection that has read position P never
/// sees a smaller position commit later. That serialises appends across the cluster, but only for the server-side
/// execution and commit of one statement (replace with a visibility horizon if it becomes the bottleneck).</summary>
public sealed class PostgresEventJournal(NpgsqlDataSource dataSource, PostgresClock clock) : IEventJournal
{
    private const long AppendLockKey = 0x43434A524E4C; // "CCJRNL"

    public async Task<long> AppendAsync(string streamId, long expectedVersion, IReadOnlyList<EventData> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return expectedVersion;
        }
        var newVersion = expectedVersion + events.Count;
        // One statement, committed on its own: the version claim, the ordering lock and the insert run server-side
        // without a round trip to this process while the lock is held, so a slow or busy client cannot stall every
        // other append in the cluster. The insert's rows join the claim, so a lost compare-and-swap inserts nothing.
        await using (var append = dataSource.CreateCommand(
            $"""
            WITH claim AS ({(expectedVersion == 0
                ? "INSERT INTO journal_streams (stream_id, version) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1"
                : "UPDATE journal_streams SET version = $2 WHERE stream_id = $1 AND version = $6 RETURNING 1")}),
            ordered AS (SELECT pg_advisory_xact_lock({AppendLockKey}) FROM claim)
            INSERT INTO journal_events (stream_id, version, event_type, data, created_at)
            SELECT $1, $6 + e.ordinality, e.event_type, e.data::jsonb, now() + $5
            FROM ordered, unnest($3::text[], $4::text[]) WITH ORDINALITY AS e(event_type, data, ordinality)
            ORDER BY e.ordinality
            """))
        {
            append.Parameters.AddWithValue(streamId);
            append.Parameters.AddWithValue(newVersion);
            append.Parameters.AddWithValue(events.Select(e => e.EventType).ToArray());
            append.Parameters.AddWithValue(events.Select(e => e.Json).ToArray());
            append.Parameters.AddWithValue(clock.Offset);
            append.Parameters.AddWithValue(expectedVersion);
            if (await append.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == events.Count)
            {
                return newVersion;
            }
        }
        throw new InconsistentStateException(
            $"journal stream '{streamId}': expected version {expectedVersion}, stored version {await StoredVersionAsync(streamId, cancellationToken).ConfigureAwait(false)}");
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
        await using var command = dataSource.CreateCommand("SELECT version, data::text FROM journal_snapshots WHERE stream_id = $1");
        command.Parameters.AddWithValue(streamId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new JournalSnapshot(streamId, reader.GetInt64(0), reader.GetString(1))
            : null;
    }

    public async Task WriteSnapshotAsync(string streamId, long version, string stateJson, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
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

    private async Task<long> StoredVersionAsync(string streamId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT version FROM journal_streams WHERE stream_id = $1");
        command.Parameters.AddWithValue(streamId);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long version ? version : 0;
    }

    private async Task<IReadOnlyList<JournalRecord>> ReadAsync(string sql, object[] parameters, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
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
