using BenchmarkDotNet.Attributes;
using ContactCenter.Benchmarks.Grains;

namespace ContactCenter.Benchmarks.Calls;

/// <summary>Calls from non-grain code on silo A to active grains on silo B of a two-silo cluster, over loopback TCP with
/// full serialization: one at a time (round-trip latency) and <see cref="Concurrent"/> in flight (throughput).</summary>
[MemoryDiagnoser]
[Config(typeof(BenchmarkConfig))]
public class CrossSiloCallBenchmarks
{
    private const int Concurrent = 64;
    private const int RemoteGrains = 8;
    private readonly Task<int>[] _inFlight = new Task<int>[Concurrent];
    private BenchmarkCluster _cluster = null!;
    private IPingGrain _remote = null!;
    private IPingGrain[] _remotes = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _cluster = await BenchmarkCluster.StartAsync(silos: 2);
        _remotes = new IPingGrain[RemoteGrains];
        for (var i = 0; i < RemoteGrains; i++)
        {
            _remotes[i] = await _cluster.OnOtherSiloAsync<IPingGrain>($"cross-{i}", g => g.Ping(1));
        }
        _remote = _remotes[0];
    }

    [GlobalCleanup]
    public async Task CleanupAsync() => await _cluster.DisposeAsync();

    [Benchmark(Description = "cross-silo call, sequential")]
    public Task<int> Sequential() => _remote.Ping(1);

    [Benchmark(OperationsPerInvoke = Concurrent, Description = "cross-silo calls, 64 in flight")]
    public async Task ConcurrentCalls()
    {
        for (var i = 0; i < Concurrent; i++)
        {
            _inFlight[i] = _remotes[i % RemoteGrains].Ping(1);
        }
        await Task.WhenAll(_inFlight);
    }
}
