namespace ContactCenter.Storage.Registrations;

/// <summary>Where agents' phones are registered, shared by every SIP front end of a site (HA-2): a phone that
/// REGISTERed at one front end can be rung from any other. Records are neutral (no SIP types): the front end's
/// registrar keeps the RFC 3261 §10.3 rules and applies each REGISTER as read, compute, compare-and-swap on the
/// address-of-record's version. Versions are never reused for an address-of-record, even after it was emptied, so a
/// stale compare-and-swap cannot succeed by coincidence. Implementations are thread-safe.</summary>
public interface IPhoneRegistrationStore
{
    /// <summary>The bindings of <paramref name="addressOfRecord"/> not expired at <paramref name="now"/>, in the order
    /// they were written, and the version to pass back to <see cref="TryReplaceAsync"/> (0 when nothing is stored).</summary>
    Task<PhoneRegistration> GetAsync(string addressOfRecord, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Replaces every binding of <paramref name="addressOfRecord"/> (owned by SIP user <paramref name="user"/>,
    /// for <see cref="FindLatestAsync"/>) when its version is still <paramref name="expectedVersion"/>; an empty list
    /// removes the address-of-record. False (nothing written) when another write came first.
    /// <see cref="ArgumentException"/> when a binding names another address-of-record.</summary>
    Task<bool> TryReplaceAsync(string addressOfRecord, string user, long expectedVersion, IReadOnlyList<PhoneBinding> bindings,
        CancellationToken cancellationToken = default);

    /// <summary>Deletes the bindings expired at <paramref name="now"/> (an address-of-record left without bindings goes
    /// too) and returns how many. Finds them through their expiry, never by reading every record.</summary>
    Task<int> RemoveExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>The live binding of <paramref name="user"/> that expires last, over all of the user's
    /// addresses-of-record (a phone registers <c>sip:agent1@</c> whatever domain it was given); null when none is live.</summary>
    Task<PhoneBinding?> FindLatestAsync(string user, DateTimeOffset now, CancellationToken cancellationToken = default);
}
