namespace ContactCenter.Media.Rtp;

/// <summary>The fixed fields of an RTP header (RFC 3550 §5.1) that a sender chooses per packet.</summary>
/// <param name="PayloadType">7-bit payload type (0 PCMU, 8 PCMA, dynamic 96–127 for telephone-event).</param>
/// <param name="SequenceNumber">16-bit sequence number, incremented by one per packet and wrapping.</param>
/// <param name="Timestamp">32-bit sampling instant of the first octet of the payload, in clock-rate units.</param>
/// <param name="Ssrc">Synchronisation source identifier.</param>
/// <param name="Marker">Marker bit; for audio it flags the first packet of a talk spurt (RFC 3551 §4.1).</param>
public readonly record struct RtpHeader(byte PayloadType, ushort SequenceNumber, uint Timestamp, uint Ssrc, bool Marker = false)
{
    /// <summary>Length of the fixed header without CSRCs or extension.</summary>
    public const int FixedLength = 12;

    /// <summary>The only RTP version in use (RFC 3550 §5.1).</summary>
    public const int Version = 2;
}
