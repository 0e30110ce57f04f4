using System.Diagnostics;
using System.Globalization;

namespace ContactCenter.Benchmarks.Latency;

/// <summary>Per-call latencies of one phase (in <see cref="Stopwatch"/> ticks) and what the phase achieved.</summary>
public sealed class LatencySamples(string scenario, int concurrency, long[] ticks, TimeSpan elapsed, int[] collections)
{
    public string Scenario => scenario;

    public int Concurrency => concurrency;

    public int Count => ticks.Length;

    public double OpsPerSecond => ticks.Length / elapsed.TotalSeconds;

    public static string Header =>
        $"{"scenario",-44} {"conc",5} {"calls",10} {"ops/s",10} {"p50",8} {"p90",8} {"p99",8} {"p99.9",8} {"max",9}  gc0/1/2 (latencies in µs)";

    /// <summary>The nearest-rank percentile (exact: every sample is kept and sorted).</summary>
    public double PercentileMicros(double percentile)
    {
        var rank = (int)Math.Ceiling(percentile / 100 * ticks.Length);
        return ToMicros(ticks[Math.Clamp(rank - 1, 0, ticks.Length - 1)]);
    }

    public double MaxMicros => ToMicros(ticks[^1]);

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{scenario,-44} {concurrency,5} {Count,10} {OpsPerSecond,10:F0} {PercentileMicros(50),8:F2} {PercentileMicros(90),8:F2} " +
        $"{PercentileMicros(99),8:F2} {PercentileMicros(99.9),8:F2} {MaxMicros,9:F1}  {collections[0]}/{collections[1]}/{collections[2]}");

    public LatencySamples WithScenario(string name) => new(name, concurrency, ticks, elapsed, collections);

    /// <summary>Sorts <paramref name="ticks"/> in place and wraps them.</summary>
    public static LatencySamples From(string scenario, int concurrency, long[] ticks, TimeSpan elapsed, int[] collections)
    {
        if (ticks.Length == 0)
        {
            throw new InvalidOperationException($"{scenario}: no call completed");
        }
        Array.Sort(ticks);
        return new LatencySamples(scenario, concurrency, ticks, elapsed, collections);
    }

    private static double ToMicros(long stopwatchTicks) => stopwatchTicks * 1_000_000.0 / Stopwatch.Frequency;
}
