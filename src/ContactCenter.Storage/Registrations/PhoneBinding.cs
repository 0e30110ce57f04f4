namespace ContactCenter.Storage.Registrations;

/// <summary>One binding of an address-of-record to a phone's contact, as the registrar wrote it.</summary>
/// <param name="AddressOfRecord">The canonical address-of-record the binding belongs to.</param>
/// <param name="Contact">The contact as registered (a name-address, without its <c>expires</c> parameter).</param>
/// <param name="CallId">The Call-ID of the REGISTER that wrote it.</param>
/// <param name="CSeq">The CSeq number of the REGISTER that wrote it.</param>
/// <param name="ExpiresAt">When the binding lapses.</param>
/// <param name="Source">Where the REGISTER came from (the flow that reaches a phone behind NAT); null when unknown.</param>
public sealed record PhoneBinding(string AddressOfRecord, string Contact, string CallId, long CSeq, DateTimeOffset ExpiresAt, PhoneBindingSource? Source);
