using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;

namespace ContactCenter.Sip.Registration;

/// <summary>One binding of an address-of-record to a contact (RFC 3261 §10.3), with the Call-ID and CSeq of the
/// REGISTER that last wrote it (the ordering rule of step 7) and its absolute expiry.</summary>
/// <param name="AddressOfRecord">The canonical address-of-record (<see cref="SipRegistrar.CanonicalAddressOfRecord"/>).</param>
/// <param name="Contact">The contact as registered, without its <c>expires</c> parameter.</param>
/// <param name="CallId">The Call-ID of the REGISTER that wrote it.</param>
/// <param name="CSeq">The CSeq number of the REGISTER that wrote it.</param>
/// <param name="ExpiresAt">When the binding lapses.</param>
/// <param name="Source">Where the REGISTER came from (the flow to reach a contact behind NAT); null when unknown.</param>
public sealed record SipBinding(string AddressOfRecord, NameAddress Contact, string CallId, long CSeq, DateTimeOffset ExpiresAt, SipEndPoint? Source)
{
    /// <summary>Whole seconds left at <paramref name="now"/>, rounded up (what the 200 OK's <c>expires</c> says).</summary>
    public long RemainingSeconds(DateTimeOffset now) => Math.Max(0, (long)Math.Ceiling((ExpiresAt - now).TotalSeconds));
}
