using System.Reflection;
using Npgsql;

namespace ContactCenter.Actors.Postgres;

/// <summary>Applies each module's embedded SQL scripts (<c>NNNN_name.sql</c>, in order) once. One version row per
/// module in <c>schema_versions</c>; the whole run holds a transaction-scoped advisory lock, so nodes starting at the
/// same time apply each script exactly once and the others wait, then find nothing to do.</summary>
public sealed class MigrationRunner(NpgsqlDataSource dataSource)
{
    /// <summary>Arbitrary but fixed: the advisory lock every node takes while migrating.</summary>
    private const long LockKey = 0x43434D494752; // "CCMIGR"

    /// <summary>Applies the scripts of <paramref name="module"/> embedded in <paramref name="assembly"/> whose resource
    /// names contain <paramref name="resourceFolder"/>; returns how many were applied.</summary>
    public async Task<int> MigrateAsync(string module, Assembly assembly, string resourceFolder, CancellationToken cancellationToken = default)
    {
        var scripts = assembly.GetManifestResourceNames()
            .Where(n => n.Contains(resourceFolder, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => (Name: n, Version: VersionOf(n)))
            .OrderBy(s => s.Version)
            .ToArray();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await Execute(connection, transaction, $"SELECT pg_advisory_xact_lock({LockKey})", cancellationToken).ConfigureAwait(false);
        await Execute(connection, transaction,
            "CREATE TABLE IF NOT EXISTS schema_versions (module text PRIMARY KEY, version int NOT NULL)", cancellationToken).ConfigureAwait(false);
        int current;
        await using (var read = new NpgsqlCommand("SELECT version FROM schema_versions WHERE module = @module", connection, transaction))
        {
            read.Parameters.AddWithValue("module", module);
            current = await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is int version ? version : 0;
        }
        var applied = 0;
        foreach (var (name, version) in scripts.Where(s => s.Version > current))
        {
            await using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            await Execute(connection, transaction, await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false), cancellationToken)
                .ConfigureAwait(false);
            current = version;
            applied++;
        }
        await using (var write = new NpgsqlCommand(
            "INSERT INTO schema_versions (module, version) VALUES (@module, @version) ON CONFLICT (module) DO UPDATE SET version = excluded.version",
            connection, transaction))
        {
            write.Parameters.AddWithValue("module", module);
            write.Parameters.AddWithValue("version", current);
            await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return applied;
    }

    private static int VersionOf(string resourceName)
    {
        // "ContactCenter.Actors.Postgres.Migrations.Scripts.0001_state_and_journal.sql" → 1
        var file = resourceName[(resourceName.LastIndexOf(".Scripts.", StringComparison.Ordinal) + ".Scripts.".Length)..];
        var digits = new string(file.TakeWhile(char.IsAsciiDigit).ToArray());
        return digits.Length > 0
            ? int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"migration '{resourceName}' does not start with a version number");
    }

    private static async Task Execute(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
