using System.Collections.Immutable;
using System.Text.Json;
using ContactCenter.Contracts.Contacts;
using Npgsql;
using NpgsqlTypes;

namespace ContactCenter.Storage.Contacts;

/// <summary>The contact directory on PostgreSQL (tables of migration <c>0001_contacts.sql</c>, module
/// <see cref="StorageModule.Name"/>): the card as jsonb with its version, and phone and e-mail index rows rewritten in
/// the same transaction. Writes are <c>UPDATE … WHERE version = @expected</c> (create: <c>INSERT … ON CONFLICT DO
/// NOTHING</c>); zero rows is a conflict and the transaction is rolled back, so a stale writer changes nothing.</summary>
public sealed class PostgresContactDirectory(NpgsqlDataSource dataSource, TimeProvider timeProvider) : IContactDirectory
{
    private const string Select = "SELECT c.document::text, c.version FROM contacts c";

    /// <inheritdoc />
    public async Task<Contact> CreateAsync(Contact contact, CancellationToken cancellationToken = default)
    {
        var now = timeProvider.GetUtcNow();
        var prepared = PreparedContact.From(contact, 1, now, now);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var insert = new NpgsqlCommand(
            "INSERT INTO contacts (id, version, name_key, document, created_at, updated_at) VALUES ($1, 1, $2, $3, $4, $4) " +
            "ON CONFLICT (id) DO NOTHING", connection, transaction))
        {
            insert.Parameters.AddWithValue(prepared.Contact.Id);
            insert.Parameters.AddWithValue(prepared.NameKey);
            insert.Parameters.Add(Json(prepared.Contact));
            insert.Parameters.AddWithValue(now);
            if (await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                throw new ContactVersionConflictException(prepared.Contact.Id, 0,
                    await StoredVersionAsync(connection, transaction, prepared.Contact.Id, cancellationToken).ConfigureAwait(false));
            }
        }
        await WriteKeysAsync(connection, transaction, prepared, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return prepared.Contact;
    }

    /// <inheritdoc />
    public async Task<Contact?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        await using var command = dataSource.CreateCommand($"{Select} WHERE c.id = $1");
        command.Parameters.AddWithValue(id);
        var found = await ReadAsync(command, cancellationToken).ConfigureAwait(false);
        return found.Count > 0 ? found[0] : null;
    }

    /// <inheritdoc />
    public async Task<Contact> UpdateAsync(Contact contact, long expectedVersion, CancellationToken cancellationToken = default)
    {
        var now = timeProvider.GetUtcNow();
        var prepared = PreparedContact.From(contact, expectedVersion + 1, default, now);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        string? stored;
        // The row lock taken by the UPDATE serialises concurrent writers: the loser re-checks the version after the
        // winner commits and matches nothing. The created time is kept from the stored document.
        await using (var update = new NpgsqlCommand(
            "UPDATE contacts SET version = $2 + 1, name_key = $3, updated_at = $5, " +
            "document = jsonb_set($4, '{createdAt}', document->'createdAt') " +
            "WHERE id = $1 AND version = $2 RETURNING document::text", connection, transaction))
        {
            update.Parameters.AddWithValue(prepared.Contact.Id);
            update.Parameters.AddWithValue(expectedVersion);
            update.Parameters.AddWithValue(prepared.NameKey);
            update.Parameters.Add(Json(prepared.Contact));
            update.Parameters.AddWithValue(now);
            stored = await update.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
        }
        if (stored is null)
        {
            throw new ContactVersionConflictException(prepared.Contact.Id, expectedVersion,
                await StoredVersionAsync(connection, transaction, prepared.Contact.Id, cancellationToken).ConfigureAwait(false));
        }
        await using (var clear = new NpgsqlBatch(connection, transaction))
        {
            clear.BatchCommands.Add(KeyCommand("DELETE FROM contact_phones WHERE contact_id = $1", prepared.Contact.Id));
            clear.BatchCommands.Add(KeyCommand("DELETE FROM contact_emails WHERE contact_id = $1", prepared.Contact.Id));
            await clear.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await WriteKeysAsync(connection, transaction, prepared, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return Deserialize(stored, expectedVersion + 1);
    }

    /// <inheritdoc />
    public async Task<bool> DeleteAsync(string id, long expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        // Index rows go with the contact (ON DELETE CASCADE).
        await using (var delete = new NpgsqlCommand("DELETE FROM contacts WHERE id = $1 AND version = $2", connection, transaction))
        {
            delete.Parameters.AddWithValue(id);
            delete.Parameters.AddWithValue(expectedVersion);
            if (await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1)
            {
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return true;
            }
        }
        return await StoredVersionAsync(connection, transaction, id, cancellationToken).ConfigureAwait(false) is { } stored
            ? throw new ContactVersionConflictException(id, expectedVersion, stored)
            : false;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Contact>> FindByPhoneAsync(string phoneNumber, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(phoneNumber);
        if (PhoneNumber.Normalize(phoneNumber) is not { } number)
        {
            return [];
        }
        await using var command = dataSource.CreateCommand(
            $"{Select} JOIN contact_phones p ON p.contact_id = c.id WHERE p.number = $1 ORDER BY c.id");
        command.Parameters.AddWithValue(number);
        return await ReadAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Contact>> FindByEmailAsync(string email, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        await using var command = dataSource.CreateCommand(
            $"{Select} JOIN contact_emails e ON e.contact_id = c.id WHERE e.email_key = $1 ORDER BY c.id");
        command.Parameters.AddWithValue(EmailAddress.Key(email));
        return await ReadAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<ContactPage> ListAsync(string? namePrefix, int limit, string? cursor = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, ContactListing.MaxLimit);
        var after = ContactCursor.Decode(cursor);
        var sql = $"{Select} WHERE c.name_key LIKE $1 ESCAPE '\\'" +
                  (after is null ? string.Empty : " AND (c.name_key, c.id) > ($3, $4)") +
                  " ORDER BY c.name_key, c.id LIMIT $2";
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue(LikePrefix(ContactListing.PrefixKey(namePrefix)));
        command.Parameters.AddWithValue(limit + 1);
        if (after is { } position)
        {
            command.Parameters.AddWithValue(position.NameKey);
            command.Parameters.AddWithValue(position.Id);
        }
        var found = await ReadAsync(command, cancellationToken).ConfigureAwait(false);
        if (found.Count <= limit)
        {
            return new ContactPage(found, null);
        }
        var page = found.Take(limit).ToList();
        var last = page[^1];
        return new ContactPage(page, new ContactCursor(PreparedContact.KeyOfName(last.DisplayName), last.Id).Encode());
    }

    private static string LikePrefix(string prefix) =>
        prefix.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal) + "%";

    private static async Task WriteKeysAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, PreparedContact prepared, CancellationToken cancellationToken)
    {
        await using var insert = new NpgsqlBatch(connection, transaction);
        insert.BatchCommands.Add(KeyCommand(
            "INSERT INTO contact_phones (number, contact_id) SELECT unnest($2::text[]), $1", prepared.Contact.Id, prepared.PhoneKeys));
        insert.BatchCommands.Add(KeyCommand(
            "INSERT INTO contact_emails (email_key, contact_id) SELECT unnest($2::text[]), $1", prepared.Contact.Id, prepared.EmailKeys));
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static NpgsqlBatchCommand KeyCommand(string sql, string contactId, ImmutableArray<string>? keys = null)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddWithValue(contactId);
        if (keys is { } values)
        {
            command.Parameters.AddWithValue(values.ToArray());
        }
        return command;
    }

    private static async Task<long?> StoredVersionAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string id, CancellationToken cancellationToken)
    {
        await using var read = new NpgsqlCommand("SELECT version FROM contacts WHERE id = $1", connection, transaction);
        read.Parameters.AddWithValue(id);
        return await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long version ? version : null;
    }

    private static async Task<IReadOnlyList<Contact>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var contacts = new List<Contact>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            contacts.Add(Deserialize(reader.GetString(0), reader.GetInt64(1)));
        }
        return contacts;
    }

    private static NpgsqlParameter Json(Contact contact) =>
        new() { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = JsonSerializer.Serialize(contact, ContactJsonContext.Default.Contact) };

    private static Contact Deserialize(string json, long version) =>
        (JsonSerializer.Deserialize(json, ContactJsonContext.Default.Contact)
         ?? throw new InvalidOperationException("a stored contact document is null")) with { Version = version };
}
