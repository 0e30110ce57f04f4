namespace ContactCenter.Media.Rtcp;

/// <summary>The sender-information section of an SR (RFC 3550 §6.4.1).</summary>
/// <param name="NtpTimestamp">Wall-clock time of the report as a 64-bit NTP timestamp (see <see cref="NtpTime"/>).</param>
/// <param name="RtpTimestamp">The same instant in the RTP timestamp units of the stream.</param>
/// <param name="PacketCount">Packets sent since the start of transmission.</param>
/// <param name="OctetCount">Payload octets sent since the start of transmission.</param>
public readonly record struct RtcpSenderInfo(ulong NtpTimestamp, uint RtpTimestamp, uint PacketCount, uint OctetCount)
{
    /// <summary>Encoded size of the sender information.</summary>
    public const int Length = 20;
}
