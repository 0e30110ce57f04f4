namespace ContactCenter.Media.Rtcp;

/// <summary>One reception report block of an SR or RR (RFC 3550 §6.4.1).</summary>
/// <param name="Ssrc">The source this block reports on.</param>
/// <param name="FractionLost">Packets lost since the previous report, as a fixed-point fraction with the binary point
/// at the left edge (lost × 256 / expected).</param>
/// <param name="CumulativeLost">Packets lost since reception began, a signed 24-bit value (duplicates can make it
/// negative).</param>
/// <param name="ExtendedHighestSequence">Highest sequence number received, extended with the count of wraps in the
/// upper 16 bits.</param>
/// <param name="Jitter">Interarrival jitter estimate in timestamp units (§6.4.1, §A.8).</param>
/// <param name="LastSenderReport">Middle 32 bits of the NTP timestamp of the last SR received from the source, or 0.</param>
/// <param name="DelaySinceLastSenderReport">Delay since that SR in units of 1/65536 s, or 0.</param>
public readonly record struct RtcpReportBlock(
    uint Ssrc,
    byte FractionLost,
    int CumulativeLost,
    uint ExtendedHighestSequence,
    uint Jitter,
    uint LastSenderReport,
    uint DelaySinceLastSenderReport)
{
    /// <summary>Encoded size of a report block.</summary>
    public const int Length = 24;
}
