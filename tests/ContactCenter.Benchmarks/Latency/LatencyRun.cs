// Latency mode: `dotnet run -c Release --project tests/ContactCenter.Benchmarks -- latency [--calls N] [--seconds S]`.
//
// Method. BenchmarkDotNet reports statistics over iteration means, not per-call percentiles, so this mode times every
// single call with Stopwatch.GetTimestamp (from just before the call to just after its await resumes), keeps every
// sample, sorts them and reads exact nearest-rank percentiles. Garbage collections during each phase are printed
// because their pauses are the tail.
//
// In-silo: a one-silo in-process cluster; one non-grain caller on the silo (a reference from silo.GrainFactory) calls an
// already active grain sequentially: 2 s of warm-up calls, then N (default 1,000,000) timed calls, in chunks of 1,000
// so that the timing loop is promoted to optimised code during the warm-up.
//
// Cross-silo: a two-silo in-process cluster (loopback TCP, full serialization, both silos and the caller sharing the
// machine's cores); non-grain callers on silo A call 16 active grains on silo B. All phases are closed loops: C callers,
// each making its next call as soon as the previous one answered.
//   1. Warm-up: 16 callers for 2 s.
//   2. Maximum throughput: 16, 64 and 256 callers for 3 s each; the best ops/s is the maximum.
//   3. Sequential reference: 1 caller for 3 s.
//   4. Half load: the smallest C (1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64) whose 1 s probe reaches 50% of the maximum,
//      or the one below it when that is nearer 50%; then S seconds (default 5) at that C are measured and reported
//      with the share of the maximum they achieved. A closed loop cannot offer exactly 50%; the achieved share is printed.
// All of this runs in one process on a small, possibly shared machine: compare runs made together, not across days.
using System.Diagnostics;
using System.Globalization;
using ContactCenter.Benchmarks.Grains;

namespace ContactCenter.Benchmarks.Latency;

public static class LatencyRun
{
    private const int RemoteGrains = 16;
    private const int InSiloChunk = 1_000;
    private static readonly int[] HalfLoadCandidates = [1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64];

    public static async Task<int> RunAsync(string[] args)
    {
        var calls = Option(args, "--calls", 1_000_000);
        var seconds = Option(args, "--seconds", 5);
        Console.WriteLine($"latency mode: {Environment.ProcessorCount} cores, server GC {System.Runtime.GCSettings.IsServerGC}");
        Console.WriteLine(LatencySamples.Header);
        Console.WriteLine(await InSiloAsync(calls));
        foreach (var row in await CrossSiloAsync(TimeSpan.FromSeconds(seconds)))
        {
            Console.WriteLine(row);
        }
        return 0;
    }

    private static async Task<LatencySamples> InSiloAsync(int calls)
    {
        await using var cluster = await BenchmarkCluster.StartAsync(silos: 1);
        var grain = cluster.Local.GrainFactory.GetGrain<IPingGrain>("latency-in-silo");
        var samples = new long[calls];
        // Chunks, so that the measuring method is entered often enough to be promoted to optimised code during the
        // warm-up instead of running one long loop in its first, unoptimised form.
        var warmUpEnd = Stopwatch.GetTimestamp() + 2 * Stopwatch.Frequency;
        while (Stopwatch.GetTimestamp() < warmUpEnd)
        {
            await TimeCallsAsync(grain, samples, 0, Math.Min(InSiloChunk, calls));
        }
        var gc = GcCounter.Start();
        var started = Stopwatch.GetTimestamp();
        for (var offset = 0; offset < calls; offset += InSiloChunk)
        {
            await TimeCallsAsync(grain, samples, offset, Math.Min(InSiloChunk, calls - offset));
        }
        var elapsed = Stopwatch.GetElapsedTime(started);
        return LatencySamples.From("in-silo, 1 sequential non-grain caller", 1, samples, elapsed, gc.Elapsed());
    }

    private static async Task TimeCallsAsync(IPingGrain grain, long[] samples, int offset, int count)
    {
        for (var i = offset; i < offset + count; i++)
        {
            var before = Stopwatch.GetTimestamp();
            await grain.Ping(1);
            samples[i] = Stopwatch.GetTimestamp() - before;
        }
    }

    private static async Task<List<LatencySamples>> CrossSiloAsync(TimeSpan measured)
    {
        await using var cluster = await BenchmarkCluster.StartAsync(silos: 2);
        var targets = new IPingGrain[RemoteGrains];
        for (var i = 0; i < RemoteGrains; i++)
        {
            targets[i] = await cluster.OnOtherSiloAsync<IPingGrain>($"latency-remote-{i}", g => g.Ping(1));
        }
        var rows = new List<LatencySamples>();
        await ClosedLoop.RunAsync("warm-up", targets, 16, TimeSpan.FromSeconds(2));
        foreach (var concurrency in new[] { 16, 64, 256 })
        {
            rows.Add(await ClosedLoop.RunAsync("cross-silo, saturating (max throughput)", targets, concurrency, TimeSpan.FromSeconds(3)));
        }
        var max = rows.Max(r => r.OpsPerSecond);
        rows.Add(await ClosedLoop.RunAsync("cross-silo, 1 sequential caller", targets, 1, TimeSpan.FromSeconds(3)));

        var chosen = HalfLoadCandidates[^1];
        var below = (Concurrency: 0, Ops: 0.0);
        foreach (var concurrency in HalfLoadCandidates)
        {
            var probe = await ClosedLoop.RunAsync("probe", targets, concurrency, TimeSpan.FromSeconds(1));
            if (probe.OpsPerSecond >= max / 2)
            {
                chosen = below.Concurrency > 0 && max / 2 - below.Ops < probe.OpsPerSecond - max / 2 ? below.Concurrency : concurrency;
                break;
            }
            below = (concurrency, probe.OpsPerSecond);
        }
        var half = await ClosedLoop.RunAsync("cross-silo, half load", targets, chosen, measured);
        rows.Add(half.WithScenario(string.Create(
            CultureInfo.InvariantCulture, $"cross-silo, ~50% load ({half.OpsPerSecond / max:P0} of {max:F0}/s)")));
        return rows;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
