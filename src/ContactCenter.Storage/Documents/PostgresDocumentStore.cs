using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;

namespace ContactCenter.Storage.Documents;

/// <summary>The configuration document store on PostgreSQL (table <c>config_documents</c> of migration
/// <c>0002_config_documents.sql</c>, module <see cref="StorageModule.Name"/>). Writes are <c>UPDATE … WHERE version =
/// @expected</c> (create: <c>INSERT … ON CONFLICT DO NOTHING</c>, delete: <c>DELETE … WHERE version = @expected</c>);
/// zero rows is a conflict and the transaction is rolled back. Each committed write is announced with
/// <c>pg_notify</c> on <see cref="Channel"/> in its transaction and raised on <see cref="Changed"/> in this process
/// right after the commit; <see cref="PostgresDocumentChangeListener"/> relays other processes' announcements. Reads
/// always go to the database, so a reader sees a committed change on its next read whether or not it was
/// notified. Its change feed (<see cref="IDocumentChangeFeed"/>) is complete only while a listener holds
/// <c>LISTEN</c> for it.</summary>
public sealed class PostgresDocumentStore(
    NpgsqlDataSource dataSource, TimeProvider timeProvider, ILogger<PostgresDocumentStore>? logger = null,
    DocumentStoreMetrics? metrics = null) : IDocumentStore, IDocumentChangeFeed
{
    /// <summary>The notification channel of committed document writes.</summary>
    public const string Channel = "config_documents";

    private readonly DocumentChangeNotifier _notifier = new(logger ?? NullLogger<PostgresDocumentStore>.Instance);

    private int _listening;

    /// <inheritdoc />
    public event EventHandler<DocumentChange>? Changed
    {
        add => _notifier.Changed += value;
        remove => _notifier.Changed -= value;
    }

    /// <inheritdoc />
    /// <remarks>True while a <see cref="PostgresDocumentChangeListener"/> holds <c>LISTEN</c> for this store: without one
    /// (none started, or its connection lost and not yet reopened) other processes' writes go unheard.</remarks>
    public bool IsComplete => Volatile.Read(ref _listening) == 1;

    /// <inheritdoc />
    public event EventHandler? CompletenessChanged;

    /// <summary>This store's identity in its notifications, so a listener in the same store can leave out the changes
    /// already raised by the writer.</summary>
    internal Guid Origin { get; } = Guid.NewGuid();

    /// <inheritdoc />
    public async Task<T?> GetAsync<T>(string id, CancellationToken cancellationToken = default) where T : class
    {
        ArgumentNullException.ThrowIfNull(id);
        var type = DocumentTypes.For<T>();
        metrics?.DatabaseRead(type.StoredKind, "get");
        await using var command = dataSource.CreateCommand(
            "SELECT body::text, version FROM config_documents WHERE kind = $1 AND id = $2");
        command.Parameters.AddWithValue(type.StoredKind);
        command.Parameters.AddWithValue(id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? type.Deserialize(reader.GetString(0), reader.GetInt64(1))
            : null;
    }

    /// <inheritdoc />
    public async Task<DocumentPage<T>> ListAsync<T>(string? afterId = null, int limit = DocumentPage<T>.DefaultLimit,
        CancellationToken cancellationToken = default) where T : class
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, DocumentPage<T>.MaxLimit);
        var type = DocumentTypes.For<T>();
        metrics?.DatabaseRead(type.StoredKind, "list");
        await using var command = dataSource.CreateCommand(
            "SELECT body::text, version, id FROM config_documents WHERE kind = $1 AND ($2::text IS NULL OR id > $2) " +
            "ORDER BY id LIMIT $3");
        command.Parameters.AddWithValue(type.StoredKind);
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)afterId ?? DBNull.Value });
        command.Parameters.AddWithValue(limit + 1);
        var items = new List<T>();
        var ids = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                items.Add(type.Deserialize(reader.GetString(0), reader.GetInt64(1)));
                ids.Add(reader.GetString(2));
            }
        }
        return items.Count <= limit
            ? new DocumentPage<T>(items, null)
            : new DocumentPage<T>(items.Take(limit).ToList(), ids[limit - 1]);
    }

    /// <inheritdoc />
    public async Task<T> CreateAsync<T>(T document, CancellationToken cancellationToken = default) where T : class
    {
        var type = DocumentTypes.For<T>();
        var prepared = type.Prepare(document, 1);
        var id = type.IdOf(prepared);
        await WriteAsync(type, id, 0, DocumentChangeType.Created,
            "INSERT INTO config_documents (kind, id, version, body, updated_at) VALUES ($1, $2, 1, $4, $5) " +
            "ON CONFLICT (kind, id) DO NOTHING",
            prepared, cancellationToken).ConfigureAwait(false);
        return prepared;
    }

    /// <inheritdoc />
    public async Task<T> UpdateAsync<T>(T document, long expectedVersion, CancellationToken cancellationToken = default) where T : class
    {
        var type = DocumentTypes.For<T>();
        var prepared = type.Prepare(document, expectedVersion + 1);
        var id = type.IdOf(prepared);
        // The row lock taken by the UPDATE serialises concurrent writers: the loser re-checks the version after the
        // winner commits and matches nothing.
        await WriteAsync(type, id, expectedVersion, DocumentChangeType.Updated,
            "UPDATE config_documents SET version = $3 + 1, body = $4, updated_at = $5 " +
            "WHERE kind = $1 AND id = $2 AND version = $3",
            prepared, cancellationToken).ConfigureAwait(false);
        return prepared;
    }

    /// <inheritdoc />
    public async Task<bool> DeleteAsync<T>(string id, long expectedVersion, CancellationToken cancellationToken = default) where T : class
    {
        ArgumentNullException.ThrowIfNull(id);
        var type = DocumentTypes.For<T>();
        return await WriteAsync(type, id, expectedVersion, DocumentChangeType.Deleted,
            "DELETE FROM config_documents WHERE kind = $1 AND id = $2 AND version = $3",
            null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Raises <see cref="Changed"/> for a change another process committed (from the listener).</summary>
    internal void RaiseRemote(DocumentChange change) => _notifier.Raise(this, change);

    /// <summary>The listener's <c>LISTEN</c> is in place (true) or its connection is gone (false); raises
    /// <see cref="CompletenessChanged"/> when that changes <see cref="IsComplete"/>.</summary>
    internal void SetListening(bool listening)
    {
        var value = listening ? 1 : 0;
        if (Interlocked.Exchange(ref _listening, value) != value)
        {
            CompletenessChanged?.Invoke(this, EventArgs.Empty);
        }
    }

    private async Task<bool> WriteAsync<T>(DocumentType<T> type, string id, long expectedVersion, DocumentChangeType change,
        string sql, T? document, CancellationToken cancellationToken) where T : class
    {
        var version = change == DocumentChangeType.Deleted ? expectedVersion : expectedVersion + 1;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        // Every write statement gets the same typed parameters ($1 kind, $2 id, $3 expected version, $4 body, $5 time)
        // and uses those it needs; PostgreSQL accepts typed parameters a statement does not refer to.
        await using (var write = new NpgsqlCommand(sql, connection, transaction))
        {
            write.Parameters.AddWithValue(type.StoredKind);
            write.Parameters.AddWithValue(id);
            write.Parameters.AddWithValue(expectedVersion);
            write.Parameters.Add(new NpgsqlParameter
            {
                NpgsqlDbType = NpgsqlDbType.Jsonb,
                Value = document is null ? DBNull.Value : type.Serialize(document),
            });
            write.Parameters.AddWithValue(timeProvider.GetUtcNow());
            if (await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                var stored = await StoredVersionAsync(connection, transaction, type.StoredKind, id, cancellationToken).ConfigureAwait(false);
                return change == DocumentChangeType.Deleted && stored is null
                    ? false
                    : throw new DocumentVersionConflictException(type.Kind, id, expectedVersion, stored);
            }
        }
        await using (var notify = new NpgsqlCommand("SELECT pg_notify($1, $2)", connection, transaction))
        {
            notify.Parameters.AddWithValue(Channel);
            notify.Parameters.AddWithValue(DocumentChangePayload.Format(Origin, new DocumentChange(type.Kind, id, version, change)));
            await notify.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        _notifier.Raise(this, new DocumentChange(type.Kind, id, version, change));
        return true;
    }

    private static async Task<long?> StoredVersionAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string kind, string id, CancellationToken cancellationToken)
    {
        await using var read = new NpgsqlCommand(
            "SELECT version FROM config_documents WHERE kind = $1 AND id = $2", connection, transaction);
        read.Parameters.AddWithValue(kind);
        read.Parameters.AddWithValue(id);
        return await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long version ? version : null;
    }
}
