using System.Collections.Concurrent;

namespace ContactCenter.Sip.Authentication;

/// <summary>A thread-safe in-memory <see cref="ISipCredentialStore"/>. User names are case-sensitive (RFC 7616
/// §3.4.2 hashes them as written); realms compare case-sensitively too.</summary>
public sealed class InMemorySipCredentialStore : ISipCredentialStore
{
    private readonly ConcurrentDictionary<(string Realm, string Username), SipCredential> _credentials = new();

    /// <summary>Adds or replaces a user's credential.</summary>
    public void Set(string realm, string username, SipCredential credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        _credentials[(realm, username)] = credential;
    }

    /// <summary>Removes a user; false when unknown.</summary>
    public bool Remove(string realm, string username) => _credentials.TryRemove((realm, username), out _);

    /// <inheritdoc/>
    public ValueTask<SipCredential?> FindAsync(string realm, string username, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_credentials.TryGetValue((realm, username), out var credential) ? credential : null);
}
