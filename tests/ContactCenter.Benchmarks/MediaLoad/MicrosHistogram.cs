namespace ContactCenter.Benchmarks.MediaLoad;

/// <summary>A histogram of microsecond values with 10 µs buckets up to 1 s (the last bucket holds the rest); exact
/// enough for percentiles of packet timing and cheap enough to fill from a receive loop. Not thread-safe: one per
/// thread, merged at the end.</summary>
public sealed class MicrosHistogram
{
    private const int BucketMicros = 10;
    private readonly long[] _buckets = new long[100_001];

    public long Count { get; private set; }

    public long MaxMicros { get; private set; }

    public void Add(long micros)
    {
        micros = Math.Max(0, micros);
        _buckets[Math.Min(_buckets.Length - 1, micros / BucketMicros)]++;
        Count++;
        MaxMicros = Math.Max(MaxMicros, micros);
    }

    public void Merge(MicrosHistogram other)
    {
        for (var i = 0; i < _buckets.Length; i++)
        {
            _buckets[i] += other._buckets[i];
        }
        Count += other.Count;
        MaxMicros = Math.Max(MaxMicros, other.MaxMicros);
    }

    /// <summary>The nearest-rank percentile, as the upper edge of its bucket, in microseconds.</summary>
    public double Percentile(double percent)
    {
        if (Count == 0)
        {
            return double.NaN;
        }
        var rank = (long)Math.Ceiling(percent / 100 * Count);
        long seen = 0;
        for (var i = 0; i < _buckets.Length; i++)
        {
            seen += _buckets[i];
            if (seen >= rank)
            {
                return Math.Min((i + 1) * BucketMicros, MaxMicros);
            }
        }
        return MaxMicros;
    }
}
