using ContactCenter.Actors.Tests.Grains;
using ContactCenter.TestSupport;

namespace ContactCenter.Actors.Tests.Cluster;

public abstract partial class ClusterContractTests
{
    [Fact]
    public async Task Timers_tick_as_turns_stop_when_disposed_and_do_not_keep_a_grain_alive()
    {
        var time = new FakeTimeProvider();
        await using var cluster = await Fixture.StartClusterAsync(o =>
        {
            o.Silos = 2;
            o.Time = time;
        });
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
        await Eventually.TrueAsync(() => cluster.HostOf(id) is null, TimeSpan.FromSeconds(10), "the timer grain collected although its timer ticks");
    }

    [Fact]
    public async Task Idle_activations_are_collected_and_come_back_with_their_state()
    {
        var time = new FakeTimeProvider();
        await using var cluster = await Fixture.StartClusterAsync(o =>
        {
            o.Silos = 2;
            o.Time = time;
        });
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
    public async Task Reminders_keep_firing_after_the_silo_that_owned_them_is_killed()
    {
        await using var cluster = await Fixture.StartClusterAsync(o => o.Silos = 3);
        var key = NewKey("reminder");
        await cluster.Client.GetGrain<IReminderTestGrain>(key).Register("r", TimeSpan.FromMilliseconds(200));
        await Eventually.TrueAsync(() => ReminderTestGrain.Fired.Count(f => f.Grain == key) >= 2, TimeSpan.FromSeconds(10), "first ticks");

        var id = new GrainId(typeof(IReminderTestGrain).FullName!, key);
        var owner = cluster.Silos.Single(s => s.Runtime.Reminders.Owns(id));
        TestCluster.Kill(owner);
        var before = ReminderTestGrain.Fired.Count(f => f.Grain == key);
        await Eventually.TrueAsync(
            () => ReminderTestGrain.Fired.Count(f => f.Grain == key) >= before + 3,
            TimeSpan.FromSeconds(20),
            "ticks after the owner was killed");
        await cluster.WaitForStableMembershipAsync();
        Assert.Single(cluster.Silos, s => s.Runtime.Reminders.Owns(id));

        await cluster.Client.GetGrain<IReminderTestGrain>(key).Unregister("r");
    }
}
