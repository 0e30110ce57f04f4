namespace ContactCenter.Media.Timing;

/// <summary>The one monotonic time base of the media engine: the injected clock's timestamp as a <see cref="TimeSpan"/>.
/// Arrival times of every leg and the playout clocks of bridges and mixers share it, so a jitter buffer fed by one
/// leg's receive loop can be drained by another component's pacer.</summary>
public static class MediaClock
{
    /// <summary>The current monotonic time of <paramref name="time"/>.</summary>
    public static TimeSpan Now(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        var timestamp = time.GetTimestamp();
        var frequency = time.TimestampFrequency;
        return frequency == TimeSpan.TicksPerSecond
            ? TimeSpan.FromTicks(timestamp)
            : TimeSpan.FromTicks((long)(timestamp * ((double)TimeSpan.TicksPerSecond / frequency)));
    }
}
