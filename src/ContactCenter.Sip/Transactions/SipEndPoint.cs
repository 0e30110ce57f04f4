using System.Globalization;

namespace ContactCenter.Sip.Transactions;

/// <summary>Where a message came from or goes to: transport, host (IP literal; IPv6 in brackets) and port.</summary>
/// <param name="Transport">The transport.</param>
/// <param name="Host">The host.</param>
/// <param name="Port">The port.</param>
public sealed record SipEndPoint(SipTransportKind Transport, string Host, int Port)
{
    /// <summary>Whether the transport is reliable (no retransmissions; RFC 3261 §17.1.1.2, §17.1.2.2).</summary>
    public bool IsReliable => Transport != SipTransportKind.Udp;

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Transport.ToString().ToLowerInvariant()}:{Host}:{Port}");
}
