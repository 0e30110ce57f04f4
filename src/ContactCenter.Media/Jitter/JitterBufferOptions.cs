namespace ContactCenter.Media.Jitter;

/// <summary>Settings of a <see cref="JitterBuffer"/>. Defaults suit 20 ms G.711 packets at 8 kHz.</summary>
public sealed class JitterBufferOptions
{
    /// <summary>Most packets held at once; older ones are discarded to make room. Default 50 (one second of 20 ms
    /// packets).</summary>
    public int Capacity { get; set; } = 50;

    /// <summary>Largest payload accepted, in octets. Default 480 (60 ms of G.711).</summary>
    public int MaxPayloadSize { get; set; } = 480;

    /// <summary>Duration of one packet, which is also the caller's pop interval. Default 20 ms.</summary>
    public TimeSpan FrameDuration { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>RTP clock rate of the payload. Default 8,000 Hz.</summary>
    public int ClockRate { get; set; } = 8000;

    /// <summary>Playout delay before the jitter estimate has settled. Default 60 ms.</summary>
    public TimeSpan InitialDelay { get; set; } = TimeSpan.FromMilliseconds(60);

    /// <summary>Lower bound of the adaptive target delay. Default 20 ms.</summary>
    public TimeSpan MinimumDelay { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Upper bound of the adaptive target delay. Default 200 ms.</summary>
    public TimeSpan MaximumDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Target delay as a multiple of the interarrival jitter estimate. Default 4: with roughly Gaussian delay
    /// variation this keeps late packets well under one percent.</summary>
    public double JitterMultiplier { get; set; } = 4;

    /// <summary>A sequence jump of at least this many packets, either way, is a restarted stream and resets the
    /// buffer. Default 1,000 (20 s of 20 ms packets; RFC 3550 §A.1 uses 3,000 for statistics).</summary>
    public int ResyncThreshold { get; set; } = 1000;

    /// <summary>Lost frames concealed at full level by repeating the last good frame. Default 2.</summary>
    public int ConcealmentFullRepeats { get; set; } = 2;

    /// <summary>Further lost frames over which the repetition fades to silence. Default 4 (so 120 ms of repetition in
    /// all, then silence).</summary>
    public int ConcealmentFadeFrames { get; set; } = 4;

    /// <summary>Throws when the settings are inconsistent; called by the constructors that take them.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Capacity, 2, nameof(Capacity));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Capacity, 4096, nameof(Capacity));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxPayloadSize, nameof(MaxPayloadSize));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(FrameDuration, TimeSpan.Zero, nameof(FrameDuration));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ClockRate, nameof(ClockRate));
        ArgumentOutOfRangeException.ThrowIfLessThan(MinimumDelay, TimeSpan.Zero, nameof(MinimumDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaximumDelay, MinimumDelay, nameof(MaximumDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(InitialDelay, MinimumDelay, nameof(InitialDelay));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(InitialDelay, MaximumDelay, nameof(InitialDelay));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaximumDelay, FrameDuration * (Capacity - 1), nameof(MaximumDelay));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(JitterMultiplier, nameof(JitterMultiplier));
        ArgumentOutOfRangeException.ThrowIfLessThan(ResyncThreshold, Capacity, nameof(ResyncThreshold));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ResyncThreshold, 30000, nameof(ResyncThreshold));
        ArgumentOutOfRangeException.ThrowIfNegative(ConcealmentFullRepeats, nameof(ConcealmentFullRepeats));
        ArgumentOutOfRangeException.ThrowIfNegative(ConcealmentFadeFrames, nameof(ConcealmentFadeFrames));
    }
}
