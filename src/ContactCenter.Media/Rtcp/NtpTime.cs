namespace ContactCenter.Media.Rtcp;

/// <summary>64-bit NTP timestamps as RTCP uses them (RFC 3550 §4): seconds since 1900-01-01 UTC in the upper 32 bits,
/// the binary fraction of a second in the lower 32.</summary>
public static class NtpTime
{
    private static readonly DateTimeOffset Epoch = new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The NTP timestamp of <paramref name="time"/>.</summary>
    public static ulong FromDateTimeOffset(DateTimeOffset time)
    {
        var ticks = (time - Epoch).Ticks;
        var seconds = (ulong)(ticks / TimeSpan.TicksPerSecond);
        var fraction = (ulong)(ticks % TimeSpan.TicksPerSecond) * (1UL << 32) / TimeSpan.TicksPerSecond;
        return (seconds << 32) | fraction;
    }

    /// <summary>The middle 32 bits used in the LSR field of a report block (§6.4.1).</summary>
    public static uint Middle32(ulong ntpTimestamp) => (uint)(ntpTimestamp >> 16);

    /// <summary>A duration in the 1/65536-second units of the DLSR field.</summary>
    public static uint ToDelayUnits(TimeSpan delay) =>
        delay <= TimeSpan.Zero ? 0 : (uint)Math.Min(uint.MaxValue, delay.Ticks * 65536 / TimeSpan.TicksPerSecond);
}
