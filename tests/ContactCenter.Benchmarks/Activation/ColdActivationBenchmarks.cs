using BenchmarkDotNet.Attributes;
using ContactCenter.Benchmarks.Grains;

namespace ContactCenter.Benchmarks.Activation;

/// <summary>First calls to grains that have never been active: each operation is a fresh key from a counter, so it pays
/// for the reference, the directory claim, the grain's construction and the first turn. No iteration setup: every
/// invocation takes <see cref="Batch"/> new keys.</summary>
/// <remarks>Activations are not collected during the run (the default collection age is 15 minutes), so the catalog,
/// the directory and the heap grow with every activation, as during a burst of new calls. An auto-sized job drives a
/// process to millions of activations, where blocking collections of a multi-gigabyte heap dominate (and calls hit the
/// response timeout); this class therefore runs a fixed job: 160 invocations (16,000 activations) per iteration,
/// 3 warm-up and 15 measured iterations, about 300,000 activations per process.</remarks>
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15, invocationCount: 160)]
[MemoryDiagnoser]
[Config(typeof(BenchmarkConfig))]
public class ColdActivationBenchmarks
{
    private const int Batch = 100;
    private readonly Task<int>[] _inFlight = new Task<int>[Batch];
    private BenchmarkCluster _cluster = null!;
    private long _nextKey;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _cluster = await BenchmarkCluster.StartAsync(silos: 1);
        await NextGrain().Touch();
    }

    [GlobalCleanup]
    public async Task CleanupAsync() => await _cluster.DisposeAsync();

    [Benchmark(OperationsPerInvoke = Batch, Description = "cold activation, one at a time")]
    public async Task Sequential()
    {
        for (var i = 0; i < Batch; i++)
        {
            await NextGrain().Touch();
        }
    }

    [Benchmark(OperationsPerInvoke = Batch, Description = "cold activation, 100 at once")]
    public async Task ConcurrentActivations()
    {
        for (var i = 0; i < Batch; i++)
        {
            _inFlight[i] = NextGrain().Touch();
        }
        await Task.WhenAll(_inFlight);
    }

    private IColdGrain NextGrain() =>
        _cluster.Local.GrainFactory.GetGrain<IColdGrain>($"cold-{Interlocked.Increment(ref _nextKey)}");
}
