using ContactCenter.Actors.Tests.Grains;
using ContactCenter.TestSupport;

namespace ContactCenter.Actors.Tests.Cluster;

/// <summary>The runtime's invariants on a real multi-silo cluster (loopback sockets, serialization between silos),
/// written once and run per provider family.</summary>
public abstract partial class ClusterContractTests(ClusterContractFixture fixture)
{
    protected ClusterContractFixture Fixture { get; } = fixture;

    protected TestCluster Cluster => Fixture.Cluster;

    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    internal static string NewKey(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    /// <summary>Every process of the cluster as a grain factory: silos and clients.</summary>
    protected static IReadOnlyList<IGrainFactory> Factories(TestCluster cluster) =>
        [.. cluster.Silos.Select(s => s.GrainFactory), .. cluster.Clients];

    [Fact]
    public Task One_hash_placed_key_called_1000_times_concurrently_from_every_process_has_one_activation_and_an_exact_count() =>
        OneActivationUnderConcurrentCalls<ICounterGrain>();

    [Fact]
    public Task One_locally_placed_key_called_1000_times_concurrently_from_every_process_has_one_activation_and_an_exact_count() =>
        OneActivationUnderConcurrentCalls<ILocalCounterGrain>();

    private async Task OneActivationUnderConcurrentCalls<TGrain>() where TGrain : ICounterGrain
    {
        var key = NewKey("single");
        var factories = Factories(Cluster);
        var calls = Enumerable.Range(0, 1000)
            .Select(i => factories[i % factories.Count].GetGrain<TGrain>(key).Increment());
        var results = await Task.WhenAll(calls);

        Assert.Equal(Enumerable.Range(1, 1000), results.Order());
        Assert.Equal(1000, await Cluster.Client.GetGrain<TGrain>(key).Get());
        var grain = new GrainId(typeof(TGrain).FullName!, key);
        Assert.Equal(1, ActivationLedger.MaxConcurrent(grain.ToString()));
        Assert.Equal(1, ActivationLedger.Activations(grain.ToString()));
        Assert.Single(Cluster.Silos, s => s.Hosts(grain));
    }

    [Fact]
    public async Task Calls_from_every_process_reach_the_same_activation()
    {
        var key = NewKey("where");
        var places = await Task.WhenAll(Factories(Cluster).Select(f => f.GetGrain<ICounterGrain>(key).WhereAmI()));
        Assert.Single(places.Distinct());
    }

    [Fact]
    public async Task Turns_of_one_activation_never_overlap()
    {
        var key = NewKey("turns");
        var factories = Factories(Cluster);
        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => factories[i % factories.Count].GetGrain<ITurnGrain>(key).Work(2)));
        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => factories[i % factories.Count].GetGrain<ITurnGrain>(key).Append($"e{i}")));

        var grain = Cluster.Client.GetGrain<ITurnGrain>(key);
        Assert.Equal(1, await grain.MaxConcurrentWork());
        var log = await grain.Log();
        Assert.Equal(80, log.Count);
        for (var i = 0; i < log.Count; i += 2)
        {
            var entry = log[i][..log[i].IndexOf(':', StringComparison.Ordinal)];
            Assert.Equal($"{entry}:begin", log[i]);
            Assert.Equal($"{entry}:end", log[i + 1]);
        }
    }

    [Fact]
    public async Task Read_only_calls_interleave_with_each_other_but_never_with_other_turns()
    {
        var key = NewKey("readonly");
        var grain = Cluster.Client.GetGrain<ITurnGrain>(key);
        var looks = Enumerable.Range(0, 8).Select(_ => grain.Look(100)).ToList();
        var works = Enumerable.Range(0, 4).Select(_ => grain.Work(20)).ToList();
        looks.AddRange(Enumerable.Range(0, 8).Select(_ => grain.Look(100)));
        await Task.WhenAll(looks.Concat(works));

        Assert.True(await grain.MaxConcurrentLooks() > 1, "read-only calls should have overlapped");
        Assert.Equal(1, await grain.MaxConcurrentWork());
    }

    [Fact]
    public async Task Grain_references_can_be_passed_between_processes()
    {
        var key = NewKey("ref");
        var counter = Cluster.Silos[0].GrainFactory.GetGrain<ICounterGrain>(key);
        await counter.Increment();
        var hub = Cluster.Client.GetGrain<IObserverHubGrain>(NewKey("hub"));
        // A grain interface reference round-trips through the serializer as an argument.
        var notifier = new RecordingNotifier();
        await hub.Attach(Cluster.Client.CreateObjectReference<INotifier>(notifier));
        Assert.Equal("ok", await hub.Send("x"));
        Assert.Equal(1, await Cluster.Silos[^1].GrainFactory.GetGrain<ICounterGrain>(key).Get());
    }
}
