namespace ContactCenter.Sip.Registration;

/// <summary>Where the registrar keeps bindings (in memory for one node; a shared database for several). A REGISTER is
/// applied atomically (RFC 3261 §10.3) as read, compute, compare-and-swap on the address-of-record's version.
/// Implementations are thread-safe.</summary>
public interface ISipBindingStore
{
    /// <summary>The bindings of <paramref name="addressOfRecord"/> not expired at <paramref name="now"/>.</summary>
    ValueTask<SipBindingSet> GetAsync(string addressOfRecord, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Replaces every binding of <paramref name="addressOfRecord"/> when its version is still
    /// <paramref name="expectedVersion"/>; false (nothing written) when another write came first.</summary>
    ValueTask<bool> TryReplaceAsync(string addressOfRecord, long expectedVersion, IReadOnlyList<SipBinding> bindings, CancellationToken cancellationToken = default);

    /// <summary>Deletes bindings expired at <paramref name="now"/>; returns how many.</summary>
    ValueTask<int> RemoveExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken = default);
}
