using BenchmarkDotNet.Attributes;
using ContactCenter.Benchmarks.Grains;

namespace ContactCenter.Benchmarks.Journal;

/// <summary>A journaled grain raising and confirming one event per call against the in-memory journal, called from
/// non-grain code on its silo. Includes the event's serialization and, every 100th call, the state snapshot (the
/// runtime's default interval).</summary>
/// <remarks>The in-memory journal keeps every record, so the heap grows with every call: an auto-sized job appends
/// over ten million events per process and the mean drifts up with the heap (1.7 µs to 3 µs in one run). This class
/// therefore runs a fixed job: 65,536 calls per iteration, 5 warm-up and 20 measured iterations, about 1.6 million
/// events per process.</remarks>
[SimpleJob(launchCount: 1, warmupCount: 5, iterationCount: 20, invocationCount: 65536)]
[MemoryDiagnoser]
[Config(typeof(BenchmarkConfig))]
public class JournalAppendBenchmarks
{
    private BenchmarkCluster _cluster = null!;
    private ILedgerGrain _ledger = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _cluster = await BenchmarkCluster.StartAsync(silos: 1);
        _ledger = _cluster.Local.GrainFactory.GetGrain<ILedgerGrain>("ledger");
        await _ledger.Record(1);
    }

    [GlobalCleanup]
    public async Task CleanupAsync() => await _cluster.DisposeAsync();

    [Benchmark(Description = "journal append, raise + confirm one event")]
    public Task<long> RaiseAndConfirm() => _ledger.Record(1);
}
