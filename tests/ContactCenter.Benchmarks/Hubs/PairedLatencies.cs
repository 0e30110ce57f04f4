using System.Diagnostics;

namespace ContactCenter.Benchmarks.Hubs;

/// <summary>Latencies (change → seen, in milliseconds) of one kind of observer, and how many of the changes it should
/// have seen it did see.</summary>
internal sealed record PairedLatencies(double[] Millis, int Expected, int Received)
{
    /// <summary>The latencies as <see cref="Stopwatch"/> ticks, as <c>LatencySamples</c> takes them.</summary>
    public long[] Ticks() => [.. Millis.Select(ms => (long)Math.Round(ms * Stopwatch.Frequency / 1000.0))];
}
