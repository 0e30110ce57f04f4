namespace ContactCenter.Sip.Registration;

/// <summary>A thread-safe in-memory <see cref="ISipBindingStore"/>. Versions come from one counter for the whole store,
/// so an address-of-record emptied and written again never reuses a version (no ABA on compare-and-swap).</summary>
public sealed class InMemorySipBindingStore : ISipBindingStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (long Version, SipBinding[] Bindings)> _entries = new(StringComparer.Ordinal);
    private long _lastVersion;

    /// <summary>Addresses-of-record with stored bindings (expired ones included until removed).</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    /// <inheritdoc/>
    public ValueTask<SipBindingSet> GetAsync(string addressOfRecord, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return ValueTask.FromResult(_entries.TryGetValue(addressOfRecord, out var entry)
                ? new SipBindingSet(entry.Version, [.. entry.Bindings.Where(b => b.ExpiresAt > now)])
                : new SipBindingSet(0, []));
        }
    }

    /// <inheritdoc/>
    public ValueTask<bool> TryReplaceAsync(string addressOfRecord, long expectedVersion, IReadOnlyList<SipBinding> bindings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bindings);
        lock (_lock)
        {
            var current = _entries.TryGetValue(addressOfRecord, out var entry) ? entry.Version : 0;
            if (current != expectedVersion)
            {
                return ValueTask.FromResult(false);
            }
            if (bindings.Count == 0)
            {
                _entries.Remove(addressOfRecord);
            }
            else
            {
                _entries[addressOfRecord] = (++_lastVersion, [.. bindings]);
            }
            return ValueTask.FromResult(true);
        }
    }

    /// <inheritdoc/>
    public ValueTask<int> RemoveExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var removed = 0;
        lock (_lock)
        {
            foreach (var (aor, entry) in _entries.ToArray())
            {
                var live = entry.Bindings.Where(b => b.ExpiresAt > now).ToArray();
                if (live.Length == entry.Bindings.Length)
                {
                    continue;
                }
                removed += entry.Bindings.Length - live.Length;
                if (live.Length == 0)
                {
                    _entries.Remove(aor);
                }
                else
                {
                    _entries[aor] = (++_lastVersion, live);
                }
            }
        }
        return ValueTask.FromResult(removed);
    }
}
