using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Registration;
using ContactCenter.Sip.Transactions;
using ContactCenter.Storage.Registrations;

namespace ContactCenter.Host.Telephony;

/// <summary>The registrar's bindings, kept in the site's <see cref="IPhoneRegistrationStore"/> (PostgreSQL on a site, so
/// a phone registered at one front end is rung from any other; in memory for the single-node demo), with a lookup by
/// SIP user name: a phone registers <c>sip:agent1@whatever-domain-it-was-given</c>, and ringing an agent starts from the
/// user name of its profile, not from an address-of-record. Converts <see cref="SipBinding"/> to the store's neutral
/// records and back.</summary>
internal sealed partial class AgentBindingStore(IPhoneRegistrationStore store, ILogger<AgentBindingStore> logger) : ISipBindingStore
{
    public async ValueTask<SipBindingSet> GetAsync(string addressOfRecord, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var registration = await store.GetAsync(addressOfRecord, now, cancellationToken);
        return new SipBindingSet(registration.Version, [.. registration.Bindings.Select(FromStored).OfType<SipBinding>()]);
    }

    public async ValueTask<bool> TryReplaceAsync(string addressOfRecord, long expectedVersion, IReadOnlyList<SipBinding> bindings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bindings);
        // The registrar answers 404 to a To URI without a user, so every address-of-record it writes has one.
        var user = SipUri.TryParse(addressOfRecord, out var uri) && uri.User is { Length: > 0 } name
            ? name
            : throw new InvalidOperationException($"the address-of-record {addressOfRecord} has no user");
        return await store.TryReplaceAsync(addressOfRecord, user, expectedVersion, [.. bindings.Select(ToStored)], cancellationToken);
    }

    public async ValueTask<int> RemoveExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken = default) =>
        await store.RemoveExpiredAsync(now, cancellationToken);

    /// <summary>The live binding of <paramref name="user"/> registered last (the one expiring last), at whichever front
    /// end of the site; null when the user has no phone registered.</summary>
    public async ValueTask<SipBinding?> FindLatestAsync(string user, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        await store.FindLatestAsync(user, now, cancellationToken) is { } found ? FromStored(found) : null;

    private static PhoneBinding ToStored(SipBinding binding) => new(
        binding.AddressOfRecord, binding.Contact.ToString(), binding.CallId, binding.CSeq, binding.ExpiresAt,
        binding.Source is { } source ? new PhoneBindingSource(source.Transport.ToString().ToLowerInvariant(), source.Host, source.Port) : null);

    /// <summary>The binding as the registrar knows it; null (and a warning) for one that does not convert, written by
    /// another front end's version or by hand, which is then left to expire rather than break every lookup.</summary>
    private SipBinding? FromStored(PhoneBinding binding)
    {
        if (!NameAddress.TryParse(binding.Contact, out var contact))
        {
            LogUnreadableBinding(logger, binding.AddressOfRecord, "contact", binding.Contact);
            return null;
        }
        SipEndPoint? source = null;
        if (binding.Source is { } stored)
        {
            if (!Enum.TryParse<SipTransportKind>(stored.Transport, ignoreCase: true, out var transport) || !Enum.IsDefined(transport))
            {
                LogUnreadableBinding(logger, binding.AddressOfRecord, "transport", stored.Transport);
                return null;
            }
            source = new SipEndPoint(transport, stored.Host, stored.Port);
        }
        return new SipBinding(binding.AddressOfRecord, contact, binding.CallId, binding.CSeq, binding.ExpiresAt, source);
    }

    /// <summary>Whether the live binding of <paramref name="user"/> registered last came from <paramref name="source"/>
    /// (the phone's own flow: requests from there are the phone's).</summary>
    public async ValueTask<bool> IsRegisteredFromAsync(string user, SipEndPoint source, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        await FindLatestAsync(user, now, cancellationToken) is { Source: { } registered } && registered.Port == source.Port
        && string.Equals(registered.Host.Trim('[', ']'), source.Host.Trim('[', ']'), StringComparison.OrdinalIgnoreCase);

    [LoggerMessage(271, LogLevel.Warning, "Telephony: a stored binding of {AddressOfRecord} is ignored: its {Field} {Value} does not parse")]
    private static partial void LogUnreadableBinding(ILogger logger, string addressOfRecord, string field, string value);
}
