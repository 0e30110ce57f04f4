using BenchmarkDotNet.Attributes;
using ContactCenter.Benchmarks.Grains;

namespace ContactCenter.Benchmarks.Calls;

/// <summary>Calls to a grain that is already active on the caller's silo: from non-grain code holding a reference made by
/// the silo's grain factory, and from another grain on the same silo.</summary>
[MemoryDiagnoser]
[Config(typeof(BenchmarkConfig))]
public class InSiloCallBenchmarks
{
    private const int GrainToGrainCalls = 100;
    private BenchmarkCluster _cluster = null!;
    private IPingGrain _ping = null!;
    private ICallerGrain _caller = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _cluster = await BenchmarkCluster.StartAsync(silos: 1);
        var factory = _cluster.Local.GrainFactory;
        _ping = factory.GetGrain<IPingGrain>("in-silo");
        await _ping.Ping(1);
        _caller = factory.GetGrain<ICallerGrain>("in-silo-caller");
        await _caller.CallPing(1);
    }

    [GlobalCleanup]
    public async Task CleanupAsync() => await _cluster.DisposeAsync();

    [Benchmark(Baseline = true, Description = "in-silo call, non-grain caller")]
    public Task<int> FromNonGrainCode() => _ping.Ping(1);

    /// <summary>One call into the caller grain, which makes <see cref="GrainToGrainCalls"/> sequential calls to its peer;
    /// the outer call is amortised over them.</summary>
    [Benchmark(OperationsPerInvoke = GrainToGrainCalls, Description = "in-silo call, grain caller")]
    public Task<int> FromAnotherGrain() => _caller.CallPing(GrainToGrainCalls);
}
