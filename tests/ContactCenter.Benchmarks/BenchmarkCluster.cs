using ContactCenter.Benchmarks.Grains;
using ContactCenter.TestSupport;

namespace ContactCenter.Benchmarks;

/// <summary>An in-process <see cref="TestCluster"/> (silos talk over loopback sockets) with the benchmark grains.</summary>
public sealed class BenchmarkCluster : IAsyncDisposable
{
    private BenchmarkCluster(TestCluster cluster, StreamProbe probe)
    {
        Cluster = cluster;
        Probe = probe;
    }

    public TestCluster Cluster { get; }

    public StreamProbe Probe { get; }

    /// <summary>The first silo: where benchmark callers run.</summary>
    public Silo Local => Cluster.Silos[0];

    public static async Task<BenchmarkCluster> StartAsync(int silos)
    {
        var probe = new StreamProbe();
        var cluster = await TestCluster.StartAsync(new TestClusterOptions
        {
            Silos = silos,
            Clients = 0,
            ConfigureServices = services => services.AddBenchmarkGrains(probe),
        });
        return new BenchmarkCluster(cluster, probe);
    }

    /// <summary>A reference, made on <see cref="Local"/>, to an active grain that lives on another silo: tries keys
    /// <c>{prefix}-0</c>, <c>{prefix}-1</c>… activating each through <paramref name="activate"/> until one lands
    /// elsewhere (placement hashes the key).</summary>
    public async Task<TGrain> OnOtherSiloAsync<TGrain>(string prefix, Func<TGrain, Task> activate)
        where TGrain : IGrainWithStringKey
    {
        for (var i = 0; i < 64; i++)
        {
            var grain = Local.GrainFactory.GetGrain<TGrain>($"{prefix}-{i}");
            await activate(grain);
            var host = Cluster.HostOf(grain.GetGrainId());
            if (host is not null && host != Local)
            {
                return grain;
            }
        }
        throw new InvalidOperationException($"no key with prefix '{prefix}' was placed off {Local.Address} in 64 tries");
    }

    public ValueTask DisposeAsync() => Cluster.DisposeAsync();
}
