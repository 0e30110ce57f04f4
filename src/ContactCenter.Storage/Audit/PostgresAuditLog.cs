using Npgsql;
using NpgsqlTypes;

namespace ContactCenter.Storage.Audit;

/// <summary><see cref="IAuditLog"/> on PostgreSQL (table <c>audit_log</c> of migration <c>0004_audit_log.sql</c>,
/// module <see cref="StorageModule.Name"/>). Each append is one <c>INSERT</c>; its identity is the sequence. Sequences
/// are taken when a row is inserted but rows become visible when they commit, so a reader may briefly miss an entry
/// still committing beside a newer one; a page read after both commits has both. Query bounds are compared at
/// PostgreSQL's microsecond precision (entries are stamped in whole microseconds).</summary>
public sealed class PostgresAuditLog(NpgsqlDataSource dataSource, TimeProvider timeProvider) : IAuditLog
{
    private const string Columns =
        "sequence, at, actor, action, kind, target_id, outcome, before::text, after::text, client_address";

    /// <inheritdoc />
    public async Task<AuditEntry> AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        var prepared = AuditEntries.Prepare(entry, timeProvider.GetUtcNow(), 0);
        await using var command = dataSource.CreateCommand(
            "INSERT INTO audit_log (at, actor, action, kind, target_id, outcome, before, after, client_address) " +
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING sequence");
        command.Parameters.AddWithValue(prepared.At);
        command.Parameters.AddWithValue(prepared.Actor);
        command.Parameters.AddWithValue(prepared.Action);
        command.Parameters.AddWithValue(prepared.Kind);
        command.Parameters.AddWithValue(prepared.TargetId);
        command.Parameters.AddWithValue(prepared.Outcome.ToString());
        command.Parameters.Add(Json(prepared.Before));
        command.Parameters.Add(Json(prepared.After));
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)prepared.ClientAddress ?? DBNull.Value });
        var sequence = (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false)
                              ?? throw new InvalidOperationException("INSERT … RETURNING sequence returned no row"));
        return prepared with { Sequence = sequence };
    }

    /// <inheritdoc />
    public async Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        AuditEntries.CheckLimit(query);
        // Parameter $1 is the limit (one more than the page, to tell whether another page follows); the optional
        // filters follow in the order they are added.
        var parameters = new List<NpgsqlParameter> { new() { Value = query.Limit + 1 } };
        var conditions = new List<string>();
        void Add(string condition, object value)
        {
            parameters.Add(new NpgsqlParameter { Value = value });
            conditions.Add(condition.Replace("@", $"${parameters.Count}", StringComparison.Ordinal));
        }
        if (query.From is { } from)
        {
            Add("at >= @", from.ToUniversalTime());
        }
        if (query.To is { } to)
        {
            Add("at < @", to.ToUniversalTime());
        }
        if (query.Actor is { } actor)
        {
            Add("actor = @", actor);
        }
        if (query.Kind is { } kind)
        {
            Add("kind = @", kind);
        }
        if (query.TargetId is { } targetId)
        {
            Add("target_id = @", targetId);
        }
        if (query.Before is { } before)
        {
            Add("sequence < @", before);
        }
        var where = conditions.Count == 0 ? "" : $"WHERE {string.Join(" AND ", conditions)} ";
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM audit_log {where}ORDER BY sequence DESC LIMIT $1");
        command.Parameters.AddRange(parameters.ToArray());
        var entries = new List<AuditEntry>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                entries.Add(Read(reader));
            }
        }
        var page = entries.Take(query.Limit).ToList();
        return new AuditPage(page, entries.Count > query.Limit ? page[^1].Sequence : null);
    }

    private static AuditEntry Read(NpgsqlDataReader reader) => new()
    {
        Sequence = reader.GetInt64(0),
        At = reader.GetFieldValue<DateTimeOffset>(1),
        Actor = reader.GetString(2),
        Action = reader.GetString(3),
        Kind = reader.GetString(4),
        TargetId = reader.GetString(5),
        Outcome = Enum.Parse<AuditOutcome>(reader.GetString(6)),
        Before = reader.IsDBNull(7) ? null : reader.GetString(7),
        After = reader.IsDBNull(8) ? null : reader.GetString(8),
        ClientAddress = reader.IsDBNull(9) ? null : reader.GetString(9),
    };

    private static NpgsqlParameter Json(string? value) =>
        new() { NpgsqlDbType = NpgsqlDbType.Json, Value = (object?)value ?? DBNull.Value };
}
