namespace ContactCenter.Contracts.Configuration;

/// <summary>The transport SIP messages to and from a <see cref="Trunk"/> travel on.</summary>
public enum SipTransportKind
{
    /// <summary>UDP (the default of most carriers).</summary>
    Udp,

    /// <summary>TCP.</summary>
    Tcp,

    /// <summary>TLS over TCP.</summary>
    Tls,
}
