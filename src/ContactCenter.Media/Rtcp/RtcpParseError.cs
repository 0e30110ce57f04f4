namespace ContactCenter.Media.Rtcp;

/// <summary>Why a datagram was not accepted as a compound RTCP packet (RFC 3550 §6.1 and the checks of §A.2).</summary>
public enum RtcpParseError
{
    /// <summary>Well formed.</summary>
    None = 0,

    /// <summary>A packet header is cut off or the datagram is not a multiple of four octets.</summary>
    TooShort,

    /// <summary>A packet's version field is not 2.</summary>
    UnsupportedVersion,

    /// <summary>The first packet of the compound is neither SR nor RR.</summary>
    FirstPacketNotReport,

    /// <summary>A packet's length field runs past the end of the datagram.</summary>
    LengthMismatch,

    /// <summary>Padding on a packet other than the last, or a padding count that does not fit.</summary>
    InvalidPadding,

    /// <summary>A packet's body is too short for the counts its header announces.</summary>
    TruncatedBody,
}
