namespace ContactCenter.Sip.Transactions;

/// <summary>The transport a message travels on.</summary>
public enum SipTransportKind
{
    /// <summary>UDP: unreliable, so transactions retransmit (RFC 3261 §17).</summary>
    Udp,

    /// <summary>TCP: reliable.</summary>
    Tcp,

    /// <summary>TLS over TCP: reliable.</summary>
    Tls,
}
