namespace ContactCenter.Media.Rtp;

/// <summary>Why a datagram was not accepted as an RTP packet. Malformed input is reported, never thrown.</summary>
public enum RtpParseError
{
    /// <summary>The packet is well formed.</summary>
    None = 0,

    /// <summary>Shorter than the 12-byte fixed header.</summary>
    TooShort,

    /// <summary>The version field is not 2.</summary>
    UnsupportedVersion,

    /// <summary>The CSRC count announces more identifiers than the datagram holds.</summary>
    TruncatedCsrcList,

    /// <summary>The X bit is set but the extension header or its announced words are missing.</summary>
    TruncatedExtension,

    /// <summary>The P bit is set but the last octet's padding count is zero or longer than the packet body.</summary>
    InvalidPadding,

    /// <summary>The second octet is an RTCP packet type (200–204), so this is RTCP multiplexed on the RTP port
    /// (RFC 5761 §4).</summary>
    RtcpPacket,
}
