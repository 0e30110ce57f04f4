using ContactCenter.Actors.Tests.Grains;
using ContactCenter.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Actors.Tests.Cluster;

/// <summary>One shared cluster (3 silos, 1 client) for the contract tests of one provider family, plus a way to start
/// private clusters for tests that kill silos or run on fake time.</summary>
public abstract class ClusterContractFixture : IAsyncLifetime
{
    private TestCluster? _cluster;

    public TestCluster Cluster
    {
        get
        {
            SkipIfUnavailable();
            return _cluster ?? throw new InvalidOperationException("the fixture has not started");
        }
    }

    /// <summary>Why this provider family cannot run here (the tests skip, naming it), or null.</summary>
    protected virtual string? UnavailableReason => null;

    /// <summary>Providers for a new cluster of its own; null keeps the cluster's own in-memory storage.</summary>
    protected virtual Task<Action<IServiceCollection>?> ProvidersForNewClusterAsync() => Task.FromResult<Action<IServiceCollection>?>(null);

    /// <summary>Direct access to the providers a cluster uses, for tests that tamper with storage behind its back.</summary>
    public abstract IGrainStateStorage StateOf(TestCluster cluster);

    public abstract IEventJournal JournalOf(TestCluster cluster);

    public async Task<TestCluster> StartClusterAsync(Action<TestClusterOptions>? configure = null)
    {
        SkipIfUnavailable();
        var options = new TestClusterOptions
        {
            ConfigureProviders = await ProvidersForNewClusterAsync(),
            ConfigureServices = services =>
            {
                services.AddGrainsFrom(typeof(CounterGrain).Assembly);
                services.AddSerializerContext(TestJsonContext.Default);
                services.AddSingleton(new SiloIdentity());
            },
        };
        if (TestContext.Current.TestOutputHelper is { } output)
        {
            options.Log = output.WriteLine;
        }
        configure?.Invoke(options);
        var cluster = await TestCluster.StartAsync(options);
        OnClusterStarted(cluster);
        return cluster;
    }

    /// <summary>Called with each cluster right after it started on the providers of the last
    /// <see cref="ProvidersForNewClusterAsync"/>.</summary>
    protected virtual void OnClusterStarted(TestCluster cluster)
    {
    }

    public virtual async ValueTask InitializeAsync()
    {
        if (UnavailableReason is null)
        {
            _cluster = await StartClusterAsync();
        }
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
        GC.SuppressFinalize(this);
    }

    private void SkipIfUnavailable()
    {
        if (UnavailableReason is { } reason)
        {
            Assert.Skip(reason);
        }
    }
}
