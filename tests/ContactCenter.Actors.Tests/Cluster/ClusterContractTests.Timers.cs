using ContactCenter.Actors.Tests.Grains;
using ContactCenter.TestSupport;

namespace ContactCenter.Actors.Tests.Cluster;

public abstract partial class ClusterContractTests
{
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
