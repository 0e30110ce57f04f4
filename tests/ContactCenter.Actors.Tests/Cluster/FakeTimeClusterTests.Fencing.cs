using ContactCenter.Actors.Tests.Grains;
using ContactCenter.TestSupport;

namespace ContactCenter.Actors.Tests.Cluster;

public sealed partial class FakeTimeClusterTests
{
    private static readonly TimeSpan Heartbeat = TimeSpan.FromMilliseconds(200);

    /// <summary>A fake-time cluster whose silos each reach the membership table through a switch.</summary>
    private async Task<(TestCluster Cluster, FakeTimeProvider Time, CuttableMembershipTable[] Links)> StartCuttableClusterAsync(int silos)
    {
        var time = new FakeTimeProvider();
        var links = new CuttableMembershipTable[silos];
        var cluster = await StartClusterAsync(time, o =>
        {
            o.Silos = silos;
            o.ConfigureSilo = (index, services) => services.Decorate<IMembershipTable>(inner => links[index] = new CuttableMembershipTable(inner));
        });
        return (cluster, time, links);
    }

    private static void Step(FakeTimeProvider time, TimeSpan total)
    {
        for (var elapsed = TimeSpan.Zero; elapsed < total; elapsed += Heartbeat)
        {
            time.Advance(Heartbeat);
        }
    }

    [Fact]
    public async Task A_silo_cut_off_from_the_database_pauses_before_its_grains_move_and_drops_them_when_it_learns_it_is_dead()
    {
        var (cluster, time, links) = await StartCuttableClusterAsync(2);
        await using var _ = cluster;
        var (a, b) = (cluster.Silos[0], cluster.Silos[1]);
        var keys = Enumerable.Range(0, 40).Select(i => NewKey($"fence{i}")).ToArray();
        foreach (var key in keys)
        {
            await cluster.Client.GetGrain<ICounterGrain>(key).Increment();
        }
        var onB = keys.Where(k => b.Hosts(new GrainId(typeof(ICounterGrain).FullName!, k))).ToArray();
        Assert.NotEmpty(onB);

        links[1].IsCut = true;
        Step(time, TimeSpan.FromMilliseconds(1200)); // past the 1 s lease, short of the 1.5 s suspicion
        Assert.True(b.IsFenced, "b must fence itself once its lease has run out");
        Assert.DoesNotContain(a.Membership.Members, m => m.Status == MemberStatus.Dead);

        // While fenced, b holds its grains but runs nothing; nobody else may activate them yet.
        var held = cluster.Client.GetGrain<ICounterGrain>(onB[0]).Increment();
        Step(time, TimeSpan.FromMilliseconds(600)); // now b's heartbeat is older than SuspectAfter: a votes it dead
        Assert.Equal(MemberStatus.Dead, a.Membership.Members.Single(m => m.Address == b.Address).Status);
        // The fenced silo ran nothing; the caller, seeing b dead, dropped its connection and failed the held call.
        Assert.False(held.IsCompletedSuccessfully, "a fenced silo must not run turns");

        foreach (var key in onB)
        {
            var count = await cluster.Client.GetGrain<ICounterGrain>(key).Get();
            Assert.Equal(1, count);
            Assert.True(a.Hosts(new GrainId(typeof(ICounterGrain).FullName!, key)));
        }

        var oldB = b.Address;
        links[1].IsCut = false;
        Step(time, Heartbeat * 2);
        await Eventually.TrueAsync(() => b.ActivationCount == 0, TimeSpan.FromSeconds(10), "b dropping its activations once it learns it is dead");
        await Assert.ThrowsAsync<SiloUnavailableException>(() => held);
        Assert.Equal(1, await cluster.Client.GetGrain<ICounterGrain>(onB[0]).Get());

        // b comes back as a new generation and takes new work; the old generation stays dead.
        await Eventually.TrueAsync(() => b.Address != oldB && !b.IsFenced, TimeSpan.FromSeconds(10), "b rejoining as a new generation");
        Step(time, Heartbeat * 2);
        var members = a.Membership.Members;
        Assert.Equal(MemberStatus.Dead, members.Single(m => m.Address == oldB).Status);
        Assert.Equal(MemberStatus.Active, members.Single(m => m.Address == b.Address).Status);
        var fresh = Enumerable.Range(0, 40).Select(i => cluster.Client.GetGrain<ICounterGrain>(NewKey($"after{i}"))).ToArray();
        Assert.All(await Task.WhenAll(fresh.Select(g => g.Increment())), count => Assert.Equal(1, count));
        Assert.True(b.ActivationCount > 0, "the rejoined silo takes new activations");
    }

    [Fact]
    public async Task A_silo_whose_heartbeat_timer_is_late_fences_at_its_next_turn_once_its_lease_has_run_out()
    {
        var (cluster, time, links) = await StartCuttableClusterAsync(2);
        await using var _ = cluster;
        var b = cluster.Silos[1];
        string? key = null;
        for (var i = 0; key is null; i++)
        {
            var candidate = NewKey($"late{i}");
            await cluster.Client.GetGrain<ICounterGrain>(candidate).Increment();
            key = b.Hosts(new GrainId(typeof(ICounterGrain).FullName!, candidate)) ? candidate : null;
        }

        // The clock passes the 1 s lease while no timer runs and the table does not answer: only the check before each
        // turn can notice (it also tries to renew at once, which the cut link refuses).
        links[1].IsCut = true;
        time.Jump(TimeSpan.FromMilliseconds(1100));
        var held = cluster.Client.GetGrain<ICounterGrain>(key).Increment();
        await Eventually.TrueAsync(() => b.IsFenced, TimeSpan.FromSeconds(10), "b fencing itself at the turn, its timer not having run");

        links[1].IsCut = false;
        Step(time, Heartbeat); // the timers run: b renews its lease, resumes, and runs the held call
        Assert.Equal(2, await held.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken));
        Assert.False(b.IsFenced);
    }

    [Fact]
    public async Task A_turn_still_running_when_its_silo_fences_itself_writes_nothing_and_its_activation_is_replaced()
    {
        var (cluster, time, links) = await StartCuttableClusterAsync(2);
        await using var _ = cluster;
        var b = cluster.Silos[1];
        string? key = null;
        for (var i = 0; key is null; i++)
        {
            var candidate = NewKey($"fenced-turn{i}");
            await cluster.Client.GetGrain<IAccountGrain>(candidate).Deposit(5);
            key = b.Hosts(new GrainId(typeof(IAccountGrain).FullName!, candidate)) ? candidate : null;
        }
        var account = cluster.Client.GetGrain<IAccountGrain>(key);
        var gate = TurnGate.Create();
        var held = account.DepositAtGate(7, gate.Name);
        await Task.WhenAny(gate.Entered, held);
        Assert.True(gate.Entered.IsCompleted, "the deposit's turn waits at the gate");

        links[1].IsCut = true;
        Step(time, TimeSpan.FromMilliseconds(1200)); // past the 1 s lease, short of the 1.5 s suspicion
        Assert.True(b.IsFenced);
        gate.Open();

        Assert.IsType<SiloUnavailableException>(await gate.Finished);
        await Assert.ThrowsAsync<SiloUnavailableException>(() => held);
        links[1].IsCut = false;
        Step(time, Heartbeat); // b renews its lease before anyone voted it dead, resumes, and drops the stale activation
        Assert.False(b.IsFenced);
        Assert.Equal((5, 1L), (await account.Balance(), await account.JournalVersion()));
        Assert.Equal(2L, await account.Deposit(1));
    }

    [Fact]
    public async Task A_database_outage_seen_by_every_silo_kills_nobody_even_when_it_ends_for_one_silo_first()
    {
        var (cluster, time, links) = await StartCuttableClusterAsync(2);
        await using var _ = cluster;
        var key = NewKey("outage");
        await cluster.Client.GetGrain<ICounterGrain>(key).Increment();

        foreach (var link in links)
        {
            link.IsCut = true;
        }
        Step(time, TimeSpan.FromSeconds(3));
        Assert.All(cluster.Silos, s => Assert.True(s.IsFenced));

        // The database is back for the first silo only: the second's heartbeat is 3 s old, yet the first must not vote
        // it dead before it has itself held a fresh lease for a whole SuspectAfter.
        links[0].IsCut = false;
        Step(time, TimeSpan.FromMilliseconds(1000));
        links[1].IsCut = false;
        Step(time, TimeSpan.FromMilliseconds(1000));

        Assert.All(cluster.Silos, s => Assert.False(s.IsFenced));
        Assert.All(cluster.Silos, s => Assert.DoesNotContain(s.Membership.Members, m => m.Status == MemberStatus.Dead));
        Assert.Equal(2, await cluster.Client.GetGrain<ICounterGrain>(key).Increment());
    }
}
