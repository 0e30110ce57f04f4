namespace ContactCenter.Sip.Sdp;

/// <summary>The <c>o=</c> line (RFC 4566 §5.2). The version must grow with every changed offer (RFC 3264 §8).</summary>
/// <param name="Username">User name, "-" when none.</param>
/// <param name="SessionId">Numeric session id (kept as text: peers send values beyond 64 bits).</param>
/// <param name="SessionVersion">Numeric version, as text for the same reason.</param>
/// <param name="NetworkType">IN.</param>
/// <param name="AddressType">IP4 or IP6.</param>
/// <param name="Address">The originating address.</param>
public sealed record SdpOrigin(string Username, string SessionId, string SessionVersion, string NetworkType, string AddressType, string Address)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Username} {SessionId} {SessionVersion} {NetworkType} {AddressType} {Address}";
}
