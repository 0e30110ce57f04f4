using System.Text.Json;
using ContactCenter.Contracts.Reporting;
using Npgsql;
using NpgsqlTypes;

namespace ContactCenter.Storage.Reporting;

/// <summary><see cref="IInteractionFactStore"/> on PostgreSQL (tables <c>interaction_facts</c> and
/// <c>projection_positions</c> of migration <c>0003_interaction_facts.sql</c>, module <see cref="StorageModule.Name"/>):
/// each fact as a jsonb document with its query keys beside it, and the projection's position in row
/// <see cref="PositionName"/>. A save is <c>UPDATE … WHERE position = @expected</c> and then one upsert of every fact,
/// in one transaction; zero rows is a conflict and the transaction is rolled back, so a stale writer stores nothing.
/// Facts keep their exact times in the document, but the <c>started_at</c> column that queries filter, order and page
/// by has PostgreSQL's microsecond precision: start times (and query bounds) in whole microseconds order exactly as in
/// <see cref="InMemoryInteractionFactStore"/>; finer ticks are cut off for those comparisons.</summary>
public sealed class PostgresInteractionFactStore(NpgsqlDataSource dataSource) : IInteractionFactStore
{
    /// <summary>The row of <c>projection_positions</c> holding this store's position.</summary>
    public const string PositionName = "interaction-facts";

    /// <inheritdoc />
    public async Task<long> GetPositionAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT position FROM projection_positions WHERE name = $1");
        command.Parameters.AddWithValue(PositionName);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long position
            ? position
            : throw MissingPosition();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, InteractionFact>> GetAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var found = new Dictionary<string, InteractionFact>(StringComparer.Ordinal);
        if (ids.Count == 0)
        {
            return found;
        }
        await using var command = dataSource.CreateCommand("SELECT data::text FROM interaction_facts WHERE id = ANY($1)");
        command.Parameters.AddWithValue(ids.Distinct(StringComparer.Ordinal).ToArray());
        foreach (var fact in await ReadAsync(command, cancellationToken).ConfigureAwait(false))
        {
            found[fact.Id] = fact;
        }
        return found;
    }

    /// <inheritdoc />
    public async Task<bool> SaveAsync(IReadOnlyCollection<InteractionFact> facts, long expectedPosition, long newPosition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(facts);
        // One row per id, the last one given winning (as in memory): an upsert may not touch a row twice.
        var latest = new Dictionary<string, InteractionFact>(StringComparer.Ordinal);
        foreach (var fact in facts)
        {
            latest[fact.Id] = fact;
        }
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        // The position row is locked first by every write (reset included): a concurrent writer from the same position
        // waits for this one, re-checks the position after its commit and matches nothing.
        await using (var move = new NpgsqlCommand(
            "UPDATE projection_positions SET position = $3 WHERE name = $1 AND position = $2", connection, transaction))
        {
            move.Parameters.AddWithValue(PositionName);
            move.Parameters.AddWithValue(expectedPosition);
            move.Parameters.AddWithValue(newPosition);
            if (await move.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                await EnsurePositionRowAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
                await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                return false;
            }
        }
        if (latest.Count > 0)
        {
            await UpsertAsync(connection, transaction, latest.Values, cancellationToken).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<InteractionFact>> QueryAsync(InteractionQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        // Parameters: $1 from, $2 to, $3 limit, then the optional filters in the order they are added.
        var conditions = new List<string> { "started_at >= $1", "started_at < $2" };
        var parameters = new List<NpgsqlParameter>
        {
            new() { Value = query.From.ToUniversalTime() },
            new() { Value = query.To.ToUniversalTime() },
            // A negative limit finds nothing, as Take does in memory (PostgreSQL refuses LIMIT -1).
            new() { Value = Math.Max(query.Limit, 0) },
        };
        if (query.QueueId is { } queueId)
        {
            parameters.Add(new NpgsqlParameter { Value = queueId });
            conditions.Add($"queue_id = ${parameters.Count}");
        }
        if (query.AgentId is { } agentId)
        {
            parameters.Add(new NpgsqlParameter { Value = agentId });
            conditions.Add($"agent_id = ${parameters.Count}");
        }
        if (query.After is { } after)
        {
            parameters.Add(new NpgsqlParameter { Value = after.StartedAt.ToUniversalTime() });
            parameters.Add(new NpgsqlParameter { Value = after.Id });
            conditions.Add($"(started_at, id) > (${parameters.Count - 1}, ${parameters.Count})");
        }
        await using var command = dataSource.CreateCommand(
            $"SELECT data::text FROM interaction_facts WHERE {string.Join(" AND ", conditions)} ORDER BY started_at, id LIMIT $3");
        command.Parameters.AddRange(parameters.ToArray());
        return await ReadAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task ResetAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        // The position row first, as saves take it: taking the table lock of TRUNCATE first could deadlock with a save
        // that holds the row and waits to insert.
        await using (var zero = new NpgsqlCommand(
            "UPDATE projection_positions SET position = 0 WHERE name = $1", connection, transaction))
        {
            zero.Parameters.AddWithValue(PositionName);
            if (await zero.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                throw MissingPosition();
            }
        }
        await using (var truncate = new NpgsqlCommand("TRUNCATE interaction_facts", connection, transaction))
        {
            await truncate.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task UpsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        IReadOnlyCollection<InteractionFact> facts, CancellationToken cancellationToken)
    {
        // One statement for the whole save: a column array per key, zipped back into rows by unnest. Times go to UTC,
        // the only offset Npgsql writes to timestamptz (the document keeps the fact's own offset).
        await using var upsert = new NpgsqlCommand(
            "INSERT INTO interaction_facts (id, started_at, queue_id, agent_id, ended_at, end_reason, data) " +
            "SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::text[], $4::text[], $5::timestamptz[], $6::text[], $7::jsonb[]) " +
            "ON CONFLICT (id) DO UPDATE SET started_at = excluded.started_at, queue_id = excluded.queue_id, " +
            "agent_id = excluded.agent_id, ended_at = excluded.ended_at, end_reason = excluded.end_reason, data = excluded.data",
            connection, transaction);
        upsert.Parameters.AddWithValue(facts.Select(f => f.Id).ToArray());
        upsert.Parameters.AddWithValue(facts.Select(f => f.StartedAt.ToUniversalTime()).ToArray());
        upsert.Parameters.Add(Texts(facts.Select(f => f.QueueId)));
        upsert.Parameters.Add(Texts(facts.Select(f => f.AgentId)));
        upsert.Parameters.Add(new NpgsqlParameter
        {
            NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz,
            Value = facts.Select(f => f.EndedAt?.ToUniversalTime()).ToArray(),
        });
        upsert.Parameters.Add(Texts(facts.Select(f => f.EndReason?.ToString())));
        upsert.Parameters.Add(new NpgsqlParameter
        {
            NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb,
            Value = facts.Select(f => JsonSerializer.Serialize(f, InteractionFactJsonContext.Default.InteractionFact)).ToArray(),
        });
        await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static NpgsqlParameter Texts(IEnumerable<string?> values) =>
        new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = values.ToArray() };

    private static async Task EnsurePositionRowAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var read = new NpgsqlCommand("SELECT 1 FROM projection_positions WHERE name = $1", connection, transaction);
        read.Parameters.AddWithValue(PositionName);
        if (await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is null)
        {
            throw MissingPosition();
        }
    }

    private static InvalidOperationException MissingPosition() => new(
        $"projection_positions has no row '{PositionName}': run MigrateStorageAsync (migration 0003_interaction_facts) first");

    private static async Task<IReadOnlyList<InteractionFact>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var facts = new List<InteractionFact>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            facts.Add(JsonSerializer.Deserialize(reader.GetString(0), InteractionFactJsonContext.Default.InteractionFact)
                      ?? throw new InvalidOperationException("a stored interaction fact is null"));
        }
        return facts;
    }
}
