using BenchmarkDotNet.Attributes;
using ContactCenter.Actors.Streams;
using ContactCenter.Benchmarks.Grains;

namespace ContactCenter.Benchmarks.Streams;

/// <summary>Publishing on silo A to one subscriber grain on silo B, measured until the subscriber has received every
/// item. The stream key is chosen so that the stream's rendezvous grain is on silo A too: publishing is a local call,
/// delivery crosses the socket.</summary>
[MemoryDiagnoser]
[Config(typeof(BenchmarkConfig))]
public class StreamPublishBenchmarks
{
    private const int Batch = 100;
    private const string Namespace = "bench";
    private readonly Tick _tick = new(1);
    private BenchmarkCluster _cluster = null!;
    private IAsyncStream<Tick> _stream = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _cluster = await BenchmarkCluster.StartAsync(silos: 2);
        var local = _cluster.Local;
        var key = await StreamKeyHostedOnAsync(local);
        var sink = await _cluster.OnOtherSiloAsync<IStreamSinkGrain>("sink", g => g.Received());
        await sink.Subscribe(Namespace, key);
        _stream = local.Streams.GetStream<Tick>(new StreamId(Namespace, key));
        var warm = _cluster.Probe.Expect(1);
        await _stream.OnNextAsync(_tick);
        await warm.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [GlobalCleanup]
    public async Task CleanupAsync() => await _cluster.DisposeAsync();

    [Benchmark(Description = "stream publish -> remote grain, one item")]
    public async Task PublishOne()
    {
        var received = _cluster.Probe.Expect(1);
        await _stream.OnNextAsync(_tick);
        await received;
    }

    [Benchmark(OperationsPerInvoke = Batch, Description = "stream publish -> remote grain, 100 items")]
    public async Task PublishBatch()
    {
        var received = _cluster.Probe.Expect(Batch);
        for (var i = 0; i < Batch; i++)
        {
            await _stream.OnNextAsync(_tick);
        }
        await received;
    }

    /// <summary>A stream key whose rendezvous grain is active on <paramref name="silo"/>.</summary>
    private async Task<string> StreamKeyHostedOnAsync(Silo silo)
    {
        for (var i = 0; i < 64; i++)
        {
            var key = $"s{i}";
            var rendezvous = silo.GrainFactory.GetGrain<IStreamRendezvousGrain>(new StreamId(Namespace, key).ToString());
            await rendezvous.Unsubscribe(Guid.Empty); // activates it; there is nothing to remove
            if (_cluster.Cluster.HostOf(rendezvous.GetGrainId()) == silo)
            {
                return key;
            }
        }
        throw new InvalidOperationException($"no stream key was placed on {silo.Address} in 64 tries");
    }
}
