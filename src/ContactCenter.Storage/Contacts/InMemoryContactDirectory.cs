using ContactCenter.Contracts.Contacts;

namespace ContactCenter.Storage.Contacts;

/// <summary>The contact directory in process memory, for the single-node demo and tests. One lock guards the contacts
/// and both lookup indexes, so a lookup never sees a contact half-written; contacts are immutable records, handed out
/// as stored. Results come through the returned task, as from an I/O-bound directory.</summary>
public sealed class InMemoryContactDirectory(TimeProvider timeProvider) : IContactDirectory
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, PreparedContact> _contacts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedSet<string>> _byPhone = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedSet<string>> _byEmail = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<Contact> CreateAsync(Contact contact, CancellationToken cancellationToken = default) => Run(() =>
    {
        var now = timeProvider.GetUtcNow();
        var prepared = PreparedContact.From(contact, 1, now, now);
        lock (_lock)
        {
            if (_contacts.TryGetValue(contact.Id, out var existing))
            {
                throw new ContactVersionConflictException(contact.Id, 0, existing.Contact.Version);
            }
            _contacts.Add(contact.Id, prepared);
            Index(prepared);
        }
        return prepared.Contact;
    });

    /// <inheritdoc />
    public Task<Contact?> GetAsync(string id, CancellationToken cancellationToken = default) => Run<Contact?>(() =>
    {
        ArgumentNullException.ThrowIfNull(id);
        lock (_lock)
        {
            return _contacts.GetValueOrDefault(id)?.Contact;
        }
    });

    /// <inheritdoc />
    public Task<Contact> UpdateAsync(Contact contact, long expectedVersion, CancellationToken cancellationToken = default) => Run(() =>
    {
        var prepared = PreparedContact.From(contact, expectedVersion + 1, default, timeProvider.GetUtcNow());
        lock (_lock)
        {
            var stored = _contacts.GetValueOrDefault(contact.Id);
            if (stored is null || stored.Contact.Version != expectedVersion)
            {
                throw new ContactVersionConflictException(contact.Id, expectedVersion, stored?.Contact.Version);
            }
            prepared = prepared with { Contact = prepared.Contact with { CreatedAt = stored.Contact.CreatedAt } };
            Unindex(stored);
            _contacts[contact.Id] = prepared;
            Index(prepared);
            return prepared.Contact;
        }
    });

    /// <inheritdoc />
    public Task<bool> DeleteAsync(string id, long expectedVersion, CancellationToken cancellationToken = default) => Run(() =>
    {
        ArgumentNullException.ThrowIfNull(id);
        lock (_lock)
        {
            if (!_contacts.TryGetValue(id, out var stored))
            {
                return false;
            }
            if (stored.Contact.Version != expectedVersion)
            {
                throw new ContactVersionConflictException(id, expectedVersion, stored.Contact.Version);
            }
            _contacts.Remove(id);
            Unindex(stored);
            return true;
        }
    });

    /// <inheritdoc />
    public Task<IReadOnlyList<Contact>> FindByPhoneAsync(string phoneNumber, CancellationToken cancellationToken = default) =>
        Run<IReadOnlyList<Contact>>(() =>
        {
            ArgumentNullException.ThrowIfNull(phoneNumber);
            return PhoneNumber.Normalize(phoneNumber) is { } number ? Find(_byPhone, number) : [];
        });

    /// <inheritdoc />
    public Task<IReadOnlyList<Contact>> FindByEmailAsync(string email, CancellationToken cancellationToken = default) =>
        Run<IReadOnlyList<Contact>>(() =>
        {
            ArgumentNullException.ThrowIfNull(email);
            return Find(_byEmail, EmailAddress.Key(email));
        });

    /// <inheritdoc />
    public Task<ContactPage> ListAsync(string? namePrefix, int limit, string? cursor = null, CancellationToken cancellationToken = default) =>
        Run(() =>
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, ContactListing.MaxLimit);
            var prefix = ContactListing.PrefixKey(namePrefix);
            var after = ContactCursor.Decode(cursor);
            List<PreparedContact> matches;
            lock (_lock)
            {
                matches = [.. _contacts.Values.Where(c =>
                    c.NameKey.StartsWith(prefix, StringComparison.Ordinal) &&
                    (after is not { } a || ContactCursor.Compare(c.NameKey, c.Contact.Id, a.NameKey, a.Id) > 0))];
            }
            matches.Sort((x, y) => ContactCursor.Compare(x.NameKey, x.Contact.Id, y.NameKey, y.Contact.Id));
            var page = matches.Take(limit).ToList();
            var next = matches.Count > limit ? new ContactCursor(page[^1].NameKey, page[^1].Contact.Id).Encode() : null;
            return new ContactPage([.. page.Select(c => c.Contact)], next);
        });

    private IReadOnlyList<Contact> Find(Dictionary<string, SortedSet<string>> index, string key)
    {
        lock (_lock)
        {
            return index.TryGetValue(key, out var ids) ? [.. ids.Select(id => _contacts[id].Contact)] : [];
        }
    }

    private void Index(PreparedContact contact)
    {
        foreach (var number in contact.PhoneKeys)
        {
            Add(_byPhone, number, contact.Contact.Id);
        }
        foreach (var email in contact.EmailKeys)
        {
            Add(_byEmail, email, contact.Contact.Id);
        }
    }

    private void Unindex(PreparedContact contact)
    {
        foreach (var number in contact.PhoneKeys)
        {
            Remove(_byPhone, number, contact.Contact.Id);
        }
        foreach (var email in contact.EmailKeys)
        {
            Remove(_byEmail, email, contact.Contact.Id);
        }
    }

    // Ids in each set are ordered ordinally; ids are ASCII (validation), where that is also PostgreSQL's "C" order.
    private static void Add(Dictionary<string, SortedSet<string>> index, string key, string id)
    {
        if (!index.TryGetValue(key, out var ids))
        {
            ids = new SortedSet<string>(StringComparer.Ordinal);
            index[key] = ids;
        }
        ids.Add(id);
    }

    private static void Remove(Dictionary<string, SortedSet<string>> index, string key, string id)
    {
        if (index.TryGetValue(key, out var ids) && ids.Remove(id) && ids.Count == 0)
        {
            index.Remove(key);
        }
    }

    private static Task<T> Run<T>(Func<T> operation)
    {
        try
        {
            return Task.FromResult(operation());
        }
        catch (Exception error)
        {
            return Task.FromException<T>(error);
        }
    }
}
