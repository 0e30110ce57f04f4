namespace ContactCenter.Media.Rtp;

/// <summary>Serial-number arithmetic on 16-bit RTP sequence numbers (RFC 3550 §A.1; the same idea as RFC 1982):
/// two numbers are compared by the signed 16-bit difference, so 0 follows 65535.</summary>
public static class RtpSequence
{
    /// <summary>The signed distance from <paramref name="from"/> to <paramref name="to"/> in [-32768, 32767].</summary>
    public static int Distance(ushort from, ushort to) => (short)(ushort)(to - from);

    /// <summary>Whether <paramref name="candidate"/> comes after <paramref name="reference"/>.</summary>
    public static bool IsNewer(ushort candidate, ushort reference) => Distance(reference, candidate) > 0;
}
