using ContactCenter.Actors.Tests.Grains;
using ContactCenter.TestSupport;

namespace ContactCenter.Actors.Tests.Cluster;

/// <summary>Cluster behaviour on fake time: timers, idle collection, call timeouts, fencing. The in-memory providers
/// share the test's clock; a database provider has its own clock, so these run on the in-memory family only (the
/// providers' clock-dependent contracts are covered by the storage-level suites on every provider).</summary>
public sealed partial class FakeTimeClusterTests(InMemoryClusterContractFixture fixture) : IClassFixture<InMemoryClusterContractFixture>
{
    private static string NewKey(string prefix) => ClusterContractTests.NewKey(prefix);

    /// <summary>Two silos and a client on <paramref name="time"/>.</summary>
    private Task<TestCluster> StartClusterAsync(FakeTimeProvider time, Action<TestClusterOptions>? configure = null) =>
        fixture.StartClusterAsync(o =>
        {
            o.Silos = 2;
            o.Time = time;
            configure?.Invoke(o);
        });

    [Fact]
    public async Task Timers_tick_as_turns_stop_when_disposed_and_do_not_keep_a_grain_alive()
    {
        var time = new FakeTimeProvider();
        await using var cluster = await StartClusterAsync(time);
        var key = NewKey("timer");
        var grain = cluster.Client.GetGrain<ITimerGrain>(key);
        await grain.Start(TimeSpan.FromSeconds(1));
        for (var i = 1; i <= 3; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            var expected = i;
            await Eventually.TrueAsync(async () => await grain.Ticks() == expected, TimeSpan.FromSeconds(10), $"tick {expected}");
        }
        await grain.Stop();
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(3, await grain.Ticks());

        await grain.Start(TimeSpan.FromMinutes(1));
        var id = new GrainId(typeof(ITimerGrain).FullName!, key);
        time.Advance(TimeSpan.FromMinutes(17));
        // A collection pass that finds the grain in a tick's turn passes it over, so the clock keeps moving (a minute
        // per look, the timer ticking each time) until a pass finds it idle.
        await Eventually.TrueAsync(() =>
        {
            time.Advance(TimeSpan.FromMinutes(1));
            return cluster.HostOf(id) is null;
        }, TimeSpan.FromSeconds(10), "the timer grain collected although its timer ticks");
    }

    [Fact]
    public async Task Idle_activations_are_collected_and_come_back_with_their_state()
    {
        var time = new FakeTimeProvider();
        await using var cluster = await StartClusterAsync(time);
        var busy = cluster.Client.GetGrain<ICounterGrain>(NewKey("busy"));
        var idle = cluster.Client.GetGrain<ICounterGrain>(NewKey("idle"));
        await idle.Increment();
        await busy.Increment();
        var idleId = new GrainId(typeof(ICounterGrain).FullName!, idle.GetPrimaryKeyString());
        var busyId = new GrainId(typeof(ICounterGrain).FullName!, busy.GetPrimaryKeyString());

        for (var minute = 0; minute < 14; minute++)
        {
            time.Advance(TimeSpan.FromMinutes(1));
            await busy.Get();
        }
        Assert.NotNull(cluster.HostOf(idleId));
        time.Advance(TimeSpan.FromMinutes(3));
        await busy.Get();
        await Eventually.TrueAsync(() => cluster.HostOf(idleId) is null, TimeSpan.FromSeconds(10), "the idle counter collected");
        Assert.NotNull(cluster.HostOf(busyId));
        Assert.Equal(2, await idle.Increment());
    }

    [Fact]
    public async Task A_grain_that_sets_its_own_collection_age_is_collected_after_it_and_others_keep_the_runtime_s()
    {
        var time = new FakeTimeProvider();
        await using var cluster = await StartClusterAsync(time);
        var done = cluster.Client.GetGrain<ICounterGrain>(NewKey("done"));
        var other = cluster.Client.GetGrain<ICounterGrain>(NewKey("other"));
        await done.Increment();
        await other.Increment();
        await done.CollectWhenIdleFor(TimeSpan.FromMinutes(1));
        var doneId = new GrainId(typeof(ICounterGrain).FullName!, done.GetPrimaryKeyString());
        var otherId = new GrainId(typeof(ICounterGrain).FullName!, other.GetPrimaryKeyString());

        // Idle age is measured in one-minute quanta: the first pass sees the last use, the second finds it a minute old.
        for (var minute = 0; minute < 3; minute++)
        {
            time.Advance(TimeSpan.FromMinutes(1));
        }
        await Eventually.TrueAsync(() => cluster.HostOf(doneId) is null, TimeSpan.FromSeconds(10), "the finished counter collected");

        Assert.NotNull(cluster.HostOf(otherId));
        Assert.Equal(2, await done.Increment());
    }

    [Fact]
    public async Task A_call_that_outlives_its_timeout_fails_with_a_timeout_on_fake_time()
    {
        var time = new FakeTimeProvider();
        await using var cluster = await StartClusterAsync(time);
        var call = cluster.Client.GetGrain<IErrorGrain>(NewKey("slow")).Hang(60_000, CancellationToken.None);
        await Eventually.TrueAsync(() => cluster.Silos.Any(s => s.ActivationCount > 0), TimeSpan.FromSeconds(10), "the call reached a silo");
        time.Advance(TimeSpan.FromSeconds(11));
        var exception = await Assert.ThrowsAsync<GrainCallTimeoutException>(() => call);
        Assert.Contains("Hang", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_caller_whose_view_predates_a_new_silo_reaches_a_grain_the_directory_puts_there()
    {
        var time = new FakeTimeProvider();
        await using var cluster = await StartClusterAsync(time, o => o.Silos = 1);
        var stale = cluster.Client; // its view lists one silo until the clock moves
        var newcomer = await cluster.StartSiloAsync();
        var current = await cluster.StartClientAsync(); // joined after the newcomer: sees both
        string? key = null;
        for (var i = 0; key is null && i < 64; i++)
        {
            var candidate = NewKey($"newcomer{i}");
            await current.GetGrain<ICounterGrain>(candidate).Increment();
            key = newcomer.Hosts(new GrainId(typeof(ICounterGrain).FullName!, candidate)) ? candidate : null;
        }
        Assert.NotNull(key);

        Assert.Equal(2, await stale.GetGrain<ICounterGrain>(key).Increment());
    }
}
