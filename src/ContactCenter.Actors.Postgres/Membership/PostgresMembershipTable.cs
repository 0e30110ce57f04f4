using Npgsql;

namespace ContactCenter.Actors.Postgres;

/// <summary>Membership on PostgreSQL. Times are the database's (<c>now()</c> plus the <see cref="PostgresClock"/>
/// offset); a vote is one statement that advances the version row only if it still has the expected value and the
/// suspect's heartbeat is still too old, so concurrent voters and a late heartbeat cannot both win.</summary>
public sealed class PostgresMembershipTable(NpgsqlDataSource dataSource, PostgresClock clock) : IMembershipTable
{
    private const int Dead = (int)MemberStatus.Dead;

    public async Task JoinAsync(SiloAddress address, MemberKind kind, string site, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            WITH joined AS (
                INSERT INTO cluster_members (address, kind, site, status, started_at, heartbeat_at)
                VALUES ($1, $2, $3, $4, now() + $5, now() + $5)
                RETURNING 1)
            UPDATE cluster_version SET version = version + 1 WHERE id = 1 AND EXISTS (SELECT 1 FROM joined)
            """);
        command.Parameters.AddWithValue(address.ToString());
        command.Parameters.AddWithValue((short)kind);
        command.Parameters.AddWithValue(site);
        command.Parameters.AddWithValue((short)MemberStatus.Active);
        command.Parameters.AddWithValue(clock.Offset);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<MemberStatus> HeartbeatAsync(SiloAddress address, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"UPDATE cluster_members SET heartbeat_at = now() + $2 WHERE address = $1 AND status <> {Dead} RETURNING status");
        command.Parameters.AddWithValue(address.ToString());
        command.Parameters.AddWithValue(clock.Offset);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is short status
            ? (MemberStatus)status
            : MemberStatus.Dead;
    }

    public async Task<MembershipSnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        // One statement, one snapshot: the version and the rows it versions.
        await using var command = dataSource.CreateCommand(
            """
            SELECT v.version, now() + $1, m.address, m.kind, m.site, m.status, m.started_at, m.heartbeat_at
            FROM cluster_version v LEFT JOIN cluster_members m ON true
            WHERE v.id = 1
            """);
        command.Parameters.AddWithValue(clock.Offset);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        long version = 0;
        var now = DateTimeOffset.MinValue;
        var members = new List<MembershipEntry>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            version = reader.GetInt64(0);
            now = Utc(reader.GetDateTime(1));
            if (!reader.IsDBNull(2))
            {
                members.Add(new MembershipEntry(
                    SiloAddress.Parse(reader.GetString(2)), (MemberKind)reader.GetInt16(3), reader.GetString(4),
                    (MemberStatus)reader.GetInt16(5), Utc(reader.GetDateTime(6)), Utc(reader.GetDateTime(7))));
            }
        }
        return new MembershipSnapshot(version, now, members);
    }

    public async Task<bool> TryDeclareDeadAsync(SiloAddress suspect, long expectedVersion, TimeSpan suspectAfter, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            WITH vote AS (
                UPDATE cluster_version SET version = version + 1
                WHERE id = 1 AND version = $2
                  AND EXISTS (SELECT 1 FROM cluster_members
                              WHERE address = $1 AND status <> {Dead} AND (now() + $4) - heartbeat_at > $3)
                RETURNING 1)
            UPDATE cluster_members SET status = {Dead} WHERE address = $1 AND EXISTS (SELECT 1 FROM vote)
            """);
        command.Parameters.AddWithValue(suspect.ToString());
        command.Parameters.AddWithValue(expectedVersion);
        command.Parameters.AddWithValue(suspectAfter);
        command.Parameters.AddWithValue(clock.Offset);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public async Task SetStatusAsync(SiloAddress address, MemberStatus status, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            WITH moved AS (
                UPDATE cluster_members SET status = $2 WHERE address = $1 AND status < $2 RETURNING 1)
            UPDATE cluster_version SET version = version + 1 WHERE id = 1 AND EXISTS (SELECT 1 FROM moved)
            """);
        command.Parameters.AddWithValue(address.ToString());
        command.Parameters.AddWithValue((short)status);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc), TimeSpan.Zero);
}
