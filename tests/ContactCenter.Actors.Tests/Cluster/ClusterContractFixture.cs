using ContactCenter.Actors.Tests.Grains;
using ContactCenter.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Actors.Tests.Cluster;

/// <summary>One shared cluster (3 silos, 1 client) for the contract tests of one provider family, plus a way to start
/// private clusters for tests that kill silos or run on fake time.</summary>
public abstract class ClusterContractFixture : IAsyncLifetime
{
    private TestCluster? _cluster;

    public TestCluster Cluster => _cluster ?? throw new InvalidOperationException("the fixture has not started");

    /// <summary>Registers the providers under test; null keeps each cluster's own in-memory storage.</summary>
    protected virtual Action<IServiceCollection>? Providers => null;

    /// <summary>Direct access to the providers a cluster uses, for tests that tamper with storage behind its back.</summary>
    public abstract IGrainStateStorage StateOf(TestCluster cluster);

    public abstract IEventJournal JournalOf(TestCluster cluster);

    public async Task<TestCluster> StartClusterAsync(Action<TestClusterOptions>? configure = null)
    {
        var options = new TestClusterOptions
        {
            ConfigureProviders = Providers,
            ConfigureServices = services =>
            {
                services.AddGrainsFrom(typeof(CounterGrain).Assembly);
                services.AddSerializerContext(TestJsonContext.Default);
                services.AddSingleton(new SiloIdentity());
            },
        };
        configure?.Invoke(options);
        return await TestCluster.StartAsync(options);
    }

    public async ValueTask InitializeAsync() => _cluster = await StartClusterAsync();

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
        GC.SuppressFinalize(this);
    }
}
