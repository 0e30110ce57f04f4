using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;

namespace ContactCenter.Sip.Registration;

/// <summary>What a REGISTER asks of the bindings of one address-of-record, after its expiries were resolved.</summary>
/// <param name="AddressOfRecord">The canonical address-of-record.</param>
/// <param name="CallId">The request's Call-ID.</param>
/// <param name="CSeq">The request's CSeq number.</param>
/// <param name="Wildcard">Whether it is <c>Contact: *</c> with Expires 0 (remove all).</param>
/// <param name="Contacts">Each contact (without <c>expires</c>) with its granted expiry in seconds; 0 removes.</param>
/// <param name="Source">Where the request came from.</param>
internal sealed record SipRegisterRequest(string AddressOfRecord, string CallId, long CSeq, bool Wildcard, IReadOnlyList<(NameAddress Contact, long Expires)> Contacts, SipEndPoint Source);
