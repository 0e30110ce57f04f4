namespace ContactCenter.Sip.Transactions;

/// <summary>The transaction timers of RFC 3261 Table 4 (and L, M of RFC 6026), Timer C as a UA safeguard, plus the
/// 100 Trying delay.</summary>
internal enum SipTimer
{
    A,
    B,
    C,
    D,
    E,
    F,
    G,
    H,
    I,
    J,
    K,
    L,
    M,
    Trying,
}
