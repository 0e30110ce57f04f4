using Npgsql;
using NpgsqlTypes;

namespace ContactCenter.Actors.Postgres;

/// <summary>State documents as jsonb rows keyed by (state name, grain id); every write is
/// <c>UPDATE … WHERE version = @expected</c> (first write: <c>INSERT … ON CONFLICT DO NOTHING</c>), zero rows = conflict.</summary>
public sealed class PostgresGrainStateStorage(NpgsqlDataSource dataSource, PostgresClock clock) : IGrainStateStorage
{
    public async Task<StoredState> ReadAsync(string stateName, GrainId grainId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT data::text, version FROM actor_state WHERE state_name = $1 AND grain_id = $2");
        command.Parameters.AddWithValue(stateName);
        command.Parameters.AddWithValue(grainId.ToString());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new StoredState(reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetInt64(1))
            : StoredState.None;
    }

    public Task<long> WriteAsync(string stateName, GrainId grainId, string json, long expectedVersion, CancellationToken cancellationToken) =>
        SwapAsync(stateName, grainId, json, expectedVersion, cancellationToken);

    public Task<long> ClearAsync(string stateName, GrainId grainId, long expectedVersion, CancellationToken cancellationToken) =>
        SwapAsync(stateName, grainId, null, expectedVersion, cancellationToken);

    private async Task<long> SwapAsync(string stateName, GrainId grainId, string? json, long expectedVersion, CancellationToken cancellationToken)
    {
        var sql = expectedVersion == 0
            ? "INSERT INTO actor_state (state_name, grain_id, version, data, updated_at) VALUES ($1, $2, 1, $3, now() + $5) ON CONFLICT DO NOTHING"
            : "UPDATE actor_state SET version = $4 + 1, data = $3, updated_at = now() + $5 WHERE state_name = $1 AND grain_id = $2 AND version = $4";
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue(stateName);
        command.Parameters.AddWithValue(grainId.ToString());
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = (object?)json ?? DBNull.Value });
        command.Parameters.AddWithValue(expectedVersion);
        command.Parameters.AddWithValue(clock.Offset);
        if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
        {
            var stored = await ReadAsync(stateName, grainId, cancellationToken).ConfigureAwait(false);
            throw new InconsistentStateException(
                $"state '{stateName}' of {grainId}: expected version {expectedVersion}, stored version {stored.Version}");
        }
        return expectedVersion + 1;
    }
}
