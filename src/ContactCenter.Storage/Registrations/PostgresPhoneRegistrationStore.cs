using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;

namespace ContactCenter.Storage.Registrations;

/// <summary>Phone registrations on PostgreSQL (table of migration <c>0006_phone_registrations.sql</c>, module
/// <see cref="StorageModule.Name"/>), shared by every front end of the site. Each write is one statement and a real
/// compare-and-swap: <c>UPDATE … WHERE version = $n</c> (or <c>DELETE</c> when no binding is left), and for version 0
/// <c>INSERT … ON CONFLICT DO NOTHING</c> on the address-of-record; zero rows is a lost race. New versions come from a
/// sequence.</summary>
public sealed partial class PostgresPhoneRegistrationStore(NpgsqlDataSource dataSource, ILogger<PostgresPhoneRegistrationStore>? logger = null,
    PhoneRegistrationMetrics? metrics = null) : IPhoneRegistrationStore
{
    /// <summary>How many records one purge rewrites at most; the next sweep takes the rest.</summary>
    public const int PurgeBatch = 500;

    private readonly ILogger _logger = logger ?? NullLogger<PostgresPhoneRegistrationStore>.Instance;

    /// <inheritdoc />
    public async Task<PhoneRegistration> GetAsync(string addressOfRecord, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(addressOfRecord);
        await using var command = dataSource.CreateCommand("SELECT version, bindings::text FROM phone_registrations WHERE address_of_record = $1");
        command.Parameters.AddWithValue(addressOfRecord);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return PhoneRegistration.None;
        }
        return new PhoneRegistration(reader.GetInt64(0), [.. Deserialize(reader.GetString(1)).Where(b => b.ExpiresAt > now)]);
    }

    /// <inheritdoc />
    public async Task<bool> TryReplaceAsync(string addressOfRecord, string user, long expectedVersion, IReadOnlyList<PhoneBinding> bindings,
        CancellationToken cancellationToken = default)
    {
        PhoneRegistrationArguments.Validate(addressOfRecord, user, bindings);
        await using var command = dataSource.CreateCommand();
        command.Parameters.AddWithValue(addressOfRecord);
        if (bindings.Count == 0)
        {
            // Nothing stored is version 0: "replacing" it with nothing succeeds exactly when there is still no row.
            command.CommandText = expectedVersion == 0
                ? "SELECT count(*) FROM phone_registrations WHERE address_of_record = $1"
                : "DELETE FROM phone_registrations WHERE address_of_record = $1 AND version = $2";
            if (expectedVersion == 0)
            {
                return Written(addressOfRecord, expectedVersion, (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))! == 0);
            }
            command.Parameters.AddWithValue(expectedVersion);
            return Written(addressOfRecord, expectedVersion, await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1);
        }
        command.Parameters.AddWithValue(user);
        command.Parameters.AddWithValue(ExpiryKey(PhoneRegistrationArguments.NextExpiry(bindings)));
        command.Parameters.Add(Json(bindings));
        if (expectedVersion == 0)
        {
            command.CommandText =
                "INSERT INTO phone_registrations (address_of_record, sip_user, version, next_expiry, bindings) " +
                "VALUES ($1, $2, nextval('phone_registration_versions'), $3, $4) ON CONFLICT (address_of_record) DO NOTHING";
        }
        else
        {
            // The row lock serialises concurrent writers: the loser re-checks the version after the winner commits and
            // matches nothing.
            command.CommandText =
                "UPDATE phone_registrations SET sip_user = $2, version = nextval('phone_registration_versions'), next_expiry = $3, bindings = $4 " +
                "WHERE address_of_record = $1 AND version = $5";
            command.Parameters.AddWithValue(expectedVersion);
        }
        return Written(addressOfRecord, expectedVersion, await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1);
    }

    /// <inheritdoc />
    public async Task<int> RemoveExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var due = new List<(string AddressOfRecord, string User, long Version, PhoneBinding[] Bindings)>();
        await using (var select = dataSource.CreateCommand(
            "SELECT address_of_record, sip_user, version, bindings::text FROM phone_registrations WHERE next_expiry <= $1 ORDER BY next_expiry LIMIT $2"))
        {
            select.Parameters.AddWithValue(now.ToUniversalTime());
            select.Parameters.AddWithValue(PurgeBatch);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                due.Add((reader.GetString(0), reader.GetString(1), reader.GetInt64(2), Deserialize(reader.GetString(3))));
            }
        }
        var removed = 0;
        foreach (var (addressOfRecord, user, version, bindings) in due)
        {
            var live = bindings.Where(b => b.ExpiresAt > now).ToArray();
            // A record changed since it was read (a REGISTER, another front end's purge) is left to that writer.
            if (live.Length < bindings.Length && await TryReplaceAsync(addressOfRecord, user, version, live, cancellationToken).ConfigureAwait(false))
            {
                removed += bindings.Length - live.Length;
            }
        }
        if (removed > 0)
        {
            metrics?.Purged(removed);
            LogPurged(_logger, removed, due.Count);
        }
        return removed;
    }

    /// <inheritdoc />
    public async Task<PhoneBinding?> FindLatestAsync(string user, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var command = dataSource.CreateCommand("SELECT bindings::text FROM phone_registrations WHERE sip_user = $1");
        command.Parameters.AddWithValue(user);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        PhoneBinding? latest = null;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            foreach (var binding in Deserialize(reader.GetString(0)))
            {
                if (binding.ExpiresAt > now && (latest is null || binding.ExpiresAt > latest.ExpiresAt))
                {
                    latest = binding;
                }
            }
        }
        return latest;
    }

    private bool Written(string addressOfRecord, long expectedVersion, bool written)
    {
        metrics?.Write(written);
        if (!written)
        {
            LogConflict(_logger, addressOfRecord, expectedVersion);
        }
        return written;
    }

    /// <summary>The purge key, rounded down to the microseconds PostgreSQL keeps, so that a purge at a binding's expiry
    /// finds it whatever its sub-microsecond ticks.</summary>
    private static DateTimeOffset ExpiryKey(DateTimeOffset expiry)
    {
        var utc = expiry.ToUniversalTime();
        return utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerMicrosecond));
    }

    private static NpgsqlParameter Json(IReadOnlyList<PhoneBinding> bindings) => new()
    {
        NpgsqlDbType = NpgsqlDbType.Jsonb,
        Value = JsonSerializer.Serialize(bindings.ToArray(), PhoneRegistrationJsonContext.Default.PhoneBindingArray),
    };

    private static PhoneBinding[] Deserialize(string json) =>
        JsonSerializer.Deserialize(json, PhoneRegistrationJsonContext.Default.PhoneBindingArray)
        ?? throw new InvalidOperationException("stored phone bindings are null");

    [LoggerMessage(EventId = 4131, Level = LogLevel.Debug, Message = "Phone registrations: {Removed} expired bindings purged from {Records} addresses-of-record")]
    private static partial void LogPurged(ILogger logger, int removed, int records);

    [LoggerMessage(EventId = 4132, Level = LogLevel.Debug,
        Message = "Phone registrations: the write of {AddressOfRecord} at version {ExpectedVersion} lost to a concurrent write")]
    private static partial void LogConflict(ILogger logger, string addressOfRecord, long expectedVersion);
}
