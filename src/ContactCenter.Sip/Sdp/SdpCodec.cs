namespace ContactCenter.Sip.Sdp;

/// <summary>An RTP payload format as negotiated: payload type, encoding name, clock rate and fmtp parameters.</summary>
/// <param name="PayloadType">The RTP payload type (0–127).</param>
/// <param name="EncodingName">The rtpmap encoding name (compared case-insensitively).</param>
/// <param name="ClockRate">The RTP clock rate.</param>
/// <param name="Fmtp">a=fmtp parameters; null when none.</param>
public sealed record SdpCodec(int PayloadType, string EncodingName, int ClockRate, string? Fmtp = null)
{
    /// <summary>G.711 µ-law, static payload type 0 (RFC 3551).</summary>
    public static SdpCodec Pcmu { get; } = new(0, "PCMU", 8000);

    /// <summary>G.711 A-law, static payload type 8 (RFC 3551).</summary>
    public static SdpCodec Pcma { get; } = new(8, "PCMA", 8000);

    /// <summary>RFC 4733 DTMF events 0–16 on a dynamic payload type (101 by custom).</summary>
    public static SdpCodec TelephoneEvent(int payloadType = 101) => new(payloadType, "telephone-event", 8000, "0-16");

    /// <summary>Whether this is telephone-event.</summary>
    public bool IsTelephoneEvent => string.Equals(EncodingName, "telephone-event", StringComparison.OrdinalIgnoreCase);

    /// <summary>Same encoding and clock rate (the payload type may differ between offer and answer).</summary>
    public bool SameFormat(SdpCodec other) =>
        string.Equals(EncodingName, other.EncodingName, StringComparison.OrdinalIgnoreCase) && ClockRate == other.ClockRate;
}
