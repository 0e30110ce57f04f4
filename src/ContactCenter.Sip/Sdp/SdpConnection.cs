namespace ContactCenter.Sip.Sdp;

/// <summary>A <c>c=</c> line (RFC 4566 §5.7).</summary>
/// <param name="NetworkType">Always IN on the Internet.</param>
/// <param name="AddressType">IP4 or IP6.</param>
/// <param name="Address">The address (multicast ones may carry /ttl).</param>
public sealed record SdpConnection(string NetworkType, string AddressType, string Address)
{
    /// <summary>Whether this is the RFC 2543 hold address 0.0.0.0 (RFC 3264 §8.4: "do not send to me").</summary>
    public bool IsNullAddress => Address is "0.0.0.0" or "::";

    /// <summary>A connection for an IPv4 or IPv6 literal.</summary>
    public static SdpConnection For(string address) => new("IN", address.Contains(':') ? "IP6" : "IP4", address);

    /// <inheritdoc/>
    public override string ToString() => $"{NetworkType} {AddressType} {Address}";
}
