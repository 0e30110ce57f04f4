using Npgsql;

namespace ContactCenter.Actors.Postgres;

/// <summary>The grain directory on PostgreSQL: one upsert claims an empty row or takes it over from an owner that is
/// dead (or has no membership row); a dead candidate claims nothing.</summary>
public sealed class PostgresGrainDirectory(NpgsqlDataSource dataSource) : IGrainDirectory
{
    private const int Dead = (int)MemberStatus.Dead;

    public async Task<SiloAddress> RegisterAsync(GrainId grainId, SiloAddress candidate, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            WITH candidate AS (SELECT 1 FROM cluster_members WHERE address = $2 AND status <> {Dead}),
            claim AS (
                INSERT INTO grain_directory AS d (grain_id, owner)
                SELECT $1, $2 WHERE EXISTS (SELECT 1 FROM candidate)
                ON CONFLICT (grain_id) DO UPDATE SET owner = excluded.owner
                WHERE d.owner = excluded.owner
                   OR NOT EXISTS (SELECT 1 FROM cluster_members m WHERE m.address = d.owner AND m.status <> {Dead})
                RETURNING owner)
            SELECT (SELECT owner FROM claim), EXISTS (SELECT 1 FROM candidate)
            """);
        command.Parameters.AddWithValue(grainId.ToString());
        command.Parameters.AddWithValue(candidate.ToString());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        if (!reader.IsDBNull(0))
        {
            return SiloAddress.Parse(reader.GetString(0));
        }
        if (!reader.GetBoolean(1))
        {
            throw new InvalidOperationException($"{candidate} is dead (or never joined) and may not claim {grainId}");
        }
        // Lost to a live owner — possibly one that committed after this statement's snapshot was taken, so read it in a
        // new statement; if it is gone or dead by then, claim again.
        return await LiveOwnerAsync(grainId, cancellationToken).ConfigureAwait(false)
               ?? await RegisterAsync(grainId, candidate, cancellationToken).ConfigureAwait(false);
    }

    private async Task<SiloAddress?> LiveOwnerAsync(GrainId grainId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            SELECT d.owner FROM grain_directory d
            WHERE d.grain_id = $1 AND EXISTS (SELECT 1 FROM cluster_members m WHERE m.address = d.owner AND m.status <> {Dead})
            """);
        command.Parameters.AddWithValue(grainId.ToString());
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string owner ? SiloAddress.Parse(owner) : null;
    }

    public async Task<SiloAddress?> LookupAsync(GrainId grainId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT owner FROM grain_directory WHERE grain_id = $1");
        command.Parameters.AddWithValue(grainId.ToString());
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string owner ? SiloAddress.Parse(owner) : null;
    }

    public async Task UnregisterAsync(GrainId grainId, SiloAddress owner, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM grain_directory WHERE grain_id = $1 AND owner = $2");
        command.Parameters.AddWithValue(grainId.ToString());
        command.Parameters.AddWithValue(owner.ToString());
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
