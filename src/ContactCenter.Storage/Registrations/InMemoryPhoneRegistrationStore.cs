namespace ContactCenter.Storage.Registrations;

/// <summary>Phone registrations in process memory: the single-node demo and tests (every front end of a site must be in
/// this process to share them). One lock guards the records and both indexes. Versions come from one counter for the
/// whole store, so an address-of-record emptied and written again never reuses a version. Expiries wait in a queue
/// ordered by time, each naming the version it was computed for: a purge takes only what fell due, and an entry made
/// stale by a later write is dropped when it comes up.</summary>
public sealed class InMemoryPhoneRegistrationStore : IPhoneRegistrationStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _byUser = new(StringComparer.Ordinal);
    private readonly PriorityQueue<(string AddressOfRecord, long Version), DateTimeOffset> _expiries = new();
    private long _lastVersion;

    /// <inheritdoc />
    public Task<PhoneRegistration> GetAsync(string addressOfRecord, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(addressOfRecord);
        lock (_lock)
        {
            return Task.FromResult(_entries.TryGetValue(addressOfRecord, out var entry)
                ? new PhoneRegistration(entry.Version, [.. entry.Bindings.Where(b => b.ExpiresAt > now)])
                : PhoneRegistration.None);
        }
    }

    /// <inheritdoc />
    public Task<bool> TryReplaceAsync(string addressOfRecord, string user, long expectedVersion, IReadOnlyList<PhoneBinding> bindings,
        CancellationToken cancellationToken = default)
    {
        PhoneRegistrationArguments.Validate(addressOfRecord, user, bindings);
        lock (_lock)
        {
            var current = _entries.TryGetValue(addressOfRecord, out var entry) ? entry.Version : 0;
            if (current != expectedVersion)
            {
                return Task.FromResult(false);
            }
            Write(addressOfRecord, user, [.. bindings]);
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task<int> RemoveExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var removed = 0;
        lock (_lock)
        {
            while (_expiries.TryPeek(out var due, out var at) && at <= now)
            {
                _expiries.Dequeue();
                if (!_entries.TryGetValue(due.AddressOfRecord, out var entry) || entry.Version != due.Version)
                {
                    continue; // written since: that write queued its own expiry
                }
                var live = entry.Bindings.Where(b => b.ExpiresAt > now).ToArray();
                removed += entry.Bindings.Length - live.Length;
                Write(due.AddressOfRecord, entry.User, live);
            }
        }
        return Task.FromResult(removed);
    }

    /// <inheritdoc />
    public Task<PhoneBinding?> FindLatestAsync(string user, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        lock (_lock)
        {
            PhoneBinding? latest = null;
            foreach (var addressOfRecord in _byUser.GetValueOrDefault(user) ?? [])
            {
                foreach (var binding in _entries[addressOfRecord].Bindings)
                {
                    if (binding.ExpiresAt > now && (latest is null || binding.ExpiresAt > latest.ExpiresAt))
                    {
                        latest = binding;
                    }
                }
            }
            return Task.FromResult(latest);
        }
    }

    /// <summary>Stores <paramref name="bindings"/> under a new version (removes the record when there are none); under
    /// the lock.</summary>
    private void Write(string addressOfRecord, string user, PhoneBinding[] bindings)
    {
        if (_entries.Remove(addressOfRecord, out var previous) && _byUser.TryGetValue(previous.User, out var records))
        {
            records.Remove(addressOfRecord);
            if (records.Count == 0)
            {
                _byUser.Remove(previous.User);
            }
        }
        if (bindings.Length == 0)
        {
            return;
        }
        var version = ++_lastVersion;
        _entries[addressOfRecord] = new Entry(version, user, bindings);
        if (!_byUser.TryGetValue(user, out var owned))
        {
            _byUser[user] = owned = new HashSet<string>(StringComparer.Ordinal);
        }
        owned.Add(addressOfRecord);
        _expiries.Enqueue((addressOfRecord, version), PhoneRegistrationArguments.NextExpiry(bindings));
    }

    private sealed record Entry(long Version, string User, PhoneBinding[] Bindings);
}
