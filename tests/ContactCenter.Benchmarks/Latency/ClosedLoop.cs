using System.Diagnostics;
using ContactCenter.Benchmarks.Grains;

namespace ContactCenter.Benchmarks.Latency;

/// <summary><c>concurrency</c> callers, each issuing its next call as soon as the previous one answered, for a fixed
/// time. Every call is timed from just before it is made to just after its await resumes.</summary>
public static class ClosedLoop
{
    public static async Task<LatencySamples> RunAsync(string scenario, IPingGrain[] targets, int concurrency, TimeSpan duration)
    {
        var gc = GcCounter.Start();
        var started = Stopwatch.GetTimestamp();
        var end = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = new Task<List<long>>[concurrency];
        for (var w = 0; w < concurrency; w++)
        {
            var target = targets[w % targets.Length];
            workers[w] = Task.Run(() => CallUntilAsync(target, end));
        }
        var results = await Task.WhenAll(workers);
        var elapsed = Stopwatch.GetElapsedTime(started);
        return LatencySamples.From(scenario, concurrency, [.. results.SelectMany(r => r)], elapsed, gc.Elapsed());
    }

    private static async Task<List<long>> CallUntilAsync(IPingGrain target, long end)
    {
        var samples = new List<long>(capacity: 64 * 1024);
        while (true)
        {
            var before = Stopwatch.GetTimestamp();
            if (before >= end)
            {
                return samples;
            }
            await target.Ping(1);
            samples.Add(Stopwatch.GetTimestamp() - before);
        }
    }
}
