using ContactCenter.Contracts.Calls.Media;
using ContactCenter.Grains.Tests.Routing;
using ContactCenter.TestSupport;

namespace ContactCenter.Grains.Tests.Calls;

/// <summary>Where calls that start in the cluster find a front end: announced, preferred by site, taken in turns, and
/// gone when withdrawn, when the announcement lapses, or when the front end's process is declared dead.</summary>
public sealed class CallMediaRegistryTests(RoutingClusterFixture fixture) : IClassFixture<RoutingClusterFixture>
{
    [Fact]
    public async Task Front_ends_are_picked_by_site_in_turns_until_withdrawn_or_lapsed()
    {
        var registry = fixture.Cluster.Client.GetGrain<ICallMediaRegistry>($"registry-{Guid.NewGuid():N}");
        ScriptedCallMedia[] frontEnds = [new(), new(), new()];
        var references = frontEnds.Select(fixture.Cluster.Client.CreateObjectReference<ICallMedia>).ToArray();
        var probes = 0;
        // References cross the cluster as proxies: which front end a pick names shows in who receives a command.
        async Task<int> PickAsync(string? site)
        {
            var picked = await registry.PickAsync(site) ?? throw new InvalidOperationException("no front end picked");
            var probe = $"probe-{++probes}";
            await picked.StopPlaybackAsync(probe);
            return Array.FindIndex(frontEnds, f => f.For(probe).Count > 0);
        }
        Assert.Null(await registry.PickAsync("dc1"));

        await registry.AnnounceAsync("fe-1", references[0], "dc1", TimeSpan.FromMinutes(1));
        await registry.AnnounceAsync("fe-2", references[1], "dc1", TimeSpan.FromMinutes(5));
        await registry.AnnounceAsync("fe-3", references[2], "dc2", TimeSpan.FromMinutes(5));

        var turns = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            turns.Add(await PickAsync("dc1"));
        }
        Assert.Equal([0, 1, 0, 1], turns);
        Assert.Equal(2, await PickAsync("dc2"));

        await registry.WithdrawAsync("fe-2");
        Assert.Equal(0, await PickAsync("dc1"));
        fixture.Time.Advance(TimeSpan.FromMinutes(2)); // fe-1's announcement lapses: only the other site's is left
        Assert.Equal(2, await PickAsync("dc1"));
        Assert.Equal(2, await PickAsync(site: null));
    }

    [Fact]
    public async Task A_front_end_whose_process_dies_is_no_longer_picked()
    {
        var registry = fixture.Cluster.Client.GetGrain<ICallMediaRegistry>($"registry-{Guid.NewGuid():N}");
        var frontEnd = await fixture.Cluster.StartClientAsync();
        await registry.AnnounceAsync("fe-dying", frontEnd.CreateObjectReference<ICallMedia>(new ScriptedCallMedia()), "dc1", TimeSpan.FromHours(1));
        Assert.NotNull(await registry.PickAsync("dc1"));

        TestCluster.Kill(frontEnd);

        // On fake time the silos declare the dead client so only as the clock moves (well within the announcement).
        for (var i = 0; i < 100 && await registry.PickAsync("dc1") is not null; i++)
        {
            fixture.Time.Advance(TimeSpan.FromMilliseconds(200));
        }
        Assert.Null(await registry.PickAsync("dc1"));
    }
}
