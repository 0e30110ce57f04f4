using Npgsql;

namespace ContactCenter.Actors.Postgres;

/// <summary>Durable reminders on PostgreSQL; the unsigned grain hash is stored as a bigint so ring ranges compare
/// correctly.</summary>
public sealed class PostgresReminderTable(NpgsqlDataSource dataSource) : IReminderTable
{
    private const string Columns = "grain_id, name, start_at, period, version";

    public async Task<ReminderEntry?> ReadAsync(GrainId grainId, string name, CancellationToken cancellationToken = default) =>
        (await QueryAsync($"SELECT {Columns} FROM reminders WHERE grain_id = $1 AND name = $2", [grainId.ToString(), name], cancellationToken)
            .ConfigureAwait(false)).SingleOrDefault();

    public Task<IReadOnlyList<ReminderEntry>> ReadAsync(GrainId grainId, CancellationToken cancellationToken = default) =>
        QueryAsync($"SELECT {Columns} FROM reminders WHERE grain_id = $1", [grainId.ToString()], cancellationToken);

    public Task<IReadOnlyList<ReminderEntry>> ReadRangeAsync(uint beginExclusive, uint endInclusive, CancellationToken cancellationToken = default)
    {
        var condition = beginExclusive < endInclusive
            ? "grain_hash > $1 AND grain_hash <= $2"
            : beginExclusive == endInclusive ? "$1 = $2" : "(grain_hash > $1 OR grain_hash <= $2)";
        return QueryAsync($"SELECT {Columns} FROM reminders WHERE {condition}", [(long)beginExclusive, (long)endInclusive], cancellationToken);
    }

    public async Task<ReminderEntry> UpsertAsync(ReminderEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var command = dataSource.CreateCommand(
            """
            INSERT INTO reminders AS r (grain_id, name, grain_hash, start_at, period, version) VALUES ($1, $2, $3, $4, $5, 1)
            ON CONFLICT (grain_id, name) DO UPDATE SET start_at = excluded.start_at, period = excluded.period, version = r.version + 1
            RETURNING version
            """);
        command.Parameters.AddWithValue(entry.GrainId.ToString());
        command.Parameters.AddWithValue(entry.Name);
        command.Parameters.AddWithValue((long)entry.GrainHash);
        command.Parameters.AddWithValue(entry.StartAt);
        command.Parameters.AddWithValue(entry.Period);
        var version = (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        return entry with { Version = version };
    }

    public async Task<bool> RemoveAsync(GrainId grainId, string name, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM reminders WHERE grain_id = $1 AND name = $2");
        command.Parameters.AddWithValue(grainId.ToString());
        command.Parameters.AddWithValue(name);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    private async Task<IReadOnlyList<ReminderEntry>> QueryAsync(string sql, object[] parameters, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.AddWithValue(parameter);
        }
        var entries = new List<ReminderEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new ReminderEntry(
                GrainId.Parse(reader.GetString(0)), reader.GetString(1),
                new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(2), DateTimeKind.Utc), TimeSpan.Zero),
                reader.GetTimeSpan(3), reader.GetInt64(4)));
        }
        return entries;
    }
}
