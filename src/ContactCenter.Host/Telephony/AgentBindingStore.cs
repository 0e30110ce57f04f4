using System.Collections.Concurrent;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Registration;
using ContactCenter.Sip.Transactions;

namespace ContactCenter.Host.Telephony;

/// <summary>The registrar's bindings (in memory: phones register with the front end they ring through) with a lookup by
/// SIP user name: a phone registers <c>sip:agent1@whatever-domain-it-was-given</c>, and ringing an agent starts from the
/// user name of its profile, not from an address-of-record.</summary>
internal sealed class AgentBindingStore : ISipBindingStore
{
    private readonly InMemorySipBindingStore _bindings = new();
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> _recordsByUser = new(StringComparer.Ordinal);

    public ValueTask<SipBindingSet> GetAsync(string addressOfRecord, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        _bindings.GetAsync(addressOfRecord, now, cancellationToken);

    public async ValueTask<bool> TryReplaceAsync(string addressOfRecord, long expectedVersion, IReadOnlyList<SipBinding> bindings, CancellationToken cancellationToken = default)
    {
        // Indexed before the write: a lookup may then find an address-of-record without bindings, never miss one with.
        if (SipUri.TryParse(addressOfRecord, out var uri) && uri.User is { } user)
        {
            _recordsByUser.GetOrAdd(user, _ => new ConcurrentDictionary<string, byte>(StringComparer.Ordinal)).TryAdd(addressOfRecord, 0);
        }
        return await _bindings.TryReplaceAsync(addressOfRecord, expectedVersion, bindings, cancellationToken);
    }

    public ValueTask<int> RemoveExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken = default) =>
        _bindings.RemoveExpiredAsync(now, cancellationToken);

    /// <summary>The live binding of <paramref name="user"/> registered last (the one expiring last); null when the user
    /// has no phone registered.</summary>
    public async ValueTask<SipBinding?> FindLatestAsync(string user, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        if (!_recordsByUser.TryGetValue(user, out var records))
        {
            return null;
        }
        SipBinding? latest = null;
        foreach (var record in records.Keys)
        {
            foreach (var binding in (await _bindings.GetAsync(record, now, cancellationToken)).Bindings)
            {
                if (latest is null || binding.ExpiresAt > latest.ExpiresAt)
                {
                    latest = binding;
                }
            }
        }
        return latest;
    }

    /// <summary>Whether a live binding of <paramref name="user"/> was registered from <paramref name="source"/> (the
    /// phone's own flow: requests from there are the phone's).</summary>
    public async ValueTask<bool> IsRegisteredFromAsync(string user, SipEndPoint source, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        if (!_recordsByUser.TryGetValue(user, out var records))
        {
            return false;
        }
        foreach (var record in records.Keys)
        {
            foreach (var binding in (await _bindings.GetAsync(record, now, cancellationToken)).Bindings)
            {
                if (binding.Source is { } registered && registered.Port == source.Port
                    && string.Equals(registered.Host.Trim('[', ']'), source.Host.Trim('[', ']'), StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }
        return false;
    }
}
