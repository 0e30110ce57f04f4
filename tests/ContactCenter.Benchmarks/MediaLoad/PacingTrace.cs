namespace ContactCenter.Benchmarks.MediaLoad;

/// <summary>Arrival times and RTP timestamps of one prompt stream's packets in the window (listen mode), and the pacing
/// errors they show against the ideal 20 ms grid.</summary>
public sealed class PacingTrace(int capacity)
{
    private readonly long[] _arrivalMicros = new long[capacity];
    private readonly uint[] _timestamps = new uint[capacity];

    public int Count { get; private set; }

    public void Add(long arrivalMicros, uint timestamp)
    {
        if (Count < _arrivalMicros.Length)
        {
            _arrivalMicros[Count] = arrivalMicros;
            _timestamps[Count] = timestamp;
            Count++;
        }
    }

    /// <summary>Adds to <paramref name="offsets"/> each packet's distance from the grid (arrival minus RTP time, against
    /// the stream's median of that difference, so a constant transit delay is not an error) and to
    /// <paramref name="intervals"/> each inter-arrival time's distance from the RTP spacing (20 ms).</summary>
    public void AddErrors(MicrosHistogram offsets, MicrosHistogram intervals)
    {
        if (Count < 2)
        {
            return;
        }
        var offset = new long[Count];
        for (var i = 0; i < Count; i++)
        {
            // 8 kHz: 125 µs per timestamp unit; the unsigned difference survives wrap-around.
            offset[i] = _arrivalMicros[i] - ((long)unchecked(_timestamps[i] - _timestamps[0]) * 125);
        }
        var sorted = (long[])offset.Clone();
        Array.Sort(sorted);
        var median = sorted[Count / 2];
        for (var i = 0; i < Count; i++)
        {
            offsets.Add(Math.Abs(offset[i] - median));
            if (i > 0)
            {
                intervals.Add(Math.Abs(offset[i] - offset[i - 1]));
            }
        }
    }
}
