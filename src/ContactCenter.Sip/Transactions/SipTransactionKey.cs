namespace ContactCenter.Sip.Transactions;

/// <summary>Identifies a transaction (RFC 3261 §17.1.3, §17.2.3): the branch (lower-cased; for RFC 2543 peers a
/// composite of Request-URI, From tag, Call-ID, CSeq and top Via), the sent-by for server transactions, and the method
/// with ACK folded into INVITE.</summary>
/// <param name="Branch">The branch or RFC 2543 composite.</param>
/// <param name="SentBy">The top Via sent-by (server side), empty on the client side.</param>
/// <param name="Method">The transaction's method.</param>
public readonly record struct SipTransactionKey(string Branch, string SentBy, string Method);
