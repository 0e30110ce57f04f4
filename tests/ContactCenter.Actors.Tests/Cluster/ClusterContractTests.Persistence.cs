using ContactCenter.Actors.Tests.Grains;
using ContactCenter.TestSupport;

namespace ContactCenter.Actors.Tests.Cluster;

public abstract partial class ClusterContractTests
{
    [Fact]
    public async Task A_stale_state_write_fails_and_the_next_call_gets_a_fresh_activation()
    {
        var key = NewKey("stale-state");
        var grain = Cluster.Client.GetGrain<ICounterGrain>(key);
        Assert.Equal(1, await grain.Increment());
        var id = new GrainId(typeof(ICounterGrain).FullName!, key);

        // Someone else writes version 2 behind the activation's back.
        var storage = Fixture.StateOf(Cluster);
        var stored = await storage.ReadAsync("counter", id, Cancel);
        await storage.WriteAsync("counter", id, """{"Count":41}""", stored.Version, Cancel);

        await Assert.ThrowsAsync<InconsistentStateException>(() => grain.Increment());
        var (count, _) = await Eventually.SucceedsAsync(() => grain.Increment(), TimeSpan.FromSeconds(10), "a fresh activation after the conflict");
        Assert.Equal(42, count);
    }

    [Fact]
    public async Task A_stale_journal_append_fails_and_appends_nothing()
    {
        var key = NewKey("stale-journal");
        var grain = Cluster.Client.GetGrain<IAccountGrain>(key);
        Assert.Equal(1, await grain.Deposit(10));
        var stream = $"{typeof(IAccountGrain).FullName}/{key}";

        var journal = Fixture.JournalOf(Cluster);
        await journal.AppendAsync(stream, 1, [new EventData("Deposited", """{"$type":"deposited","Amount":5}""")], Cancel);

        await Assert.ThrowsAsync<InconsistentStateException>(() => grain.Deposit(100));
        var events = await journal.ReadStreamAsync(stream, 0, 100, Cancel);
        Assert.Equal(2, events.Count);

        var (balance, _) = await Eventually.SucceedsAsync(() => grain.Balance(), TimeSpan.FromSeconds(10), "a fresh activation after the conflict");
        Assert.Equal(15, balance);
        Assert.Equal(3, await grain.Deposit(1));
    }

    [Fact]
    public async Task A_failed_append_leaves_neither_the_journal_nor_the_next_activation_with_its_events()
    {
        var faults = new JournalFaults();
        await using var cluster = await Fixture.StartClusterAsync(o => o.ConfigureSilo = (_, s) => s.Decorate<IEventJournal>(faults.Wrap));
        var key = NewKey("failed-append");
        var grain = cluster.Client.GetGrain<IAccountGrain>(key);
        Assert.Equal(1, await grain.Deposit(5));

        faults.FailNextAppend($"{typeof(IAccountGrain).FullName}/{key}");
        await Assert.ThrowsAsync<IOException>(() => grain.Deposit(7));

        // Not kept in memory to be appended with a later deposit: the caller was told this one failed.
        Assert.Equal(5, await grain.Balance());
        Assert.Equal(2, await grain.Deposit(1));
        Assert.Equal(6, await grain.Balance());
    }

    [Fact]
    public async Task An_append_whose_answer_was_lost_is_read_back_by_the_next_activation()
    {
        var faults = new JournalFaults();
        await using var cluster = await Fixture.StartClusterAsync(o => o.ConfigureSilo = (_, s) => s.Decorate<IEventJournal>(faults.Wrap));
        var key = NewKey("lost-answer");
        var grain = cluster.Client.GetGrain<IAccountGrain>(key);
        Assert.Equal(1, await grain.Deposit(5));

        faults.LoseNextAppendAnswer($"{typeof(IAccountGrain).FullName}/{key}");
        await Assert.ThrowsAsync<IOException>(() => grain.Deposit(7));

        // The deposit did commit: the next activation has it, and the next deposit follows it without a conflict.
        Assert.Equal(12, await grain.Balance());
        Assert.Equal(3, await grain.Deposit(1));
    }

    [Fact]
    public async Task A_failed_snapshot_does_not_fail_the_events_it_follows()
    {
        var faults = new JournalFaults();
        await using var cluster = await Fixture.StartClusterAsync(o => o.ConfigureSilo = (_, s) => s.Decorate<IEventJournal>(faults.Wrap));
        var key = NewKey("failed-snapshot");
        var grain = cluster.Client.GetGrain<IAccountGrain>(key);
        for (var i = 1; i < 10; i++)
        {
            await grain.Deposit(1);
        }

        faults.FailNextSnapshot($"{typeof(IAccountGrain).FullName}/{key}");
        Assert.Equal(10, await grain.Deposit(1)); // the account snapshots every 10 events
        Assert.Null(await Fixture.JournalOf(cluster).ReadSnapshotAsync($"{typeof(IAccountGrain).FullName}/{key}", Cancel));
        Assert.Equal(11, await grain.Deposit(1));
        Assert.Equal(11, await grain.Balance());
    }

    [Fact]
    public async Task Journaled_state_is_the_fold_of_its_events_across_activations_and_snapshots()
    {
        var key = NewKey("account");
        var grain = Cluster.Client.GetGrain<IAccountGrain>(key);
        for (var i = 1; i <= 25; i++)
        {
            await grain.Deposit(i);
        }
        var stream = $"{typeof(IAccountGrain).FullName}/{key}";
        var snapshot = await Fixture.JournalOf(Cluster).ReadSnapshotAsync(stream, Cancel);
        Assert.NotNull(snapshot);
        Assert.Equal(20, snapshot.Version);

        var id = new GrainId(typeof(IAccountGrain).FullName!, key);
        await grain.Deactivate();
        await Eventually.TrueAsync(() => Cluster.HostOf(id) is null, TimeSpan.FromSeconds(10), $"{id} deactivated");

        // The next activation rebuilds from the snapshot at 20 plus events 21..25.
        Assert.Equal(25 * 26 / 2, await grain.Balance());
        Assert.Equal(25, await grain.JournalVersion());
    }

    [Fact]
    public async Task The_journal_reads_in_global_order_from_a_checkpoint()
    {
        var journal = Fixture.JournalOf(Cluster);
        var before = await journal.ReadAllAsync(0, int.MaxValue, Cancel);
        var checkpoint = before.Count == 0 ? 0 : before[^1].Position;
        var (keyA, keyB) = (NewKey("order-a"), NewKey("order-b"));
        await Cluster.Client.GetGrain<IAccountGrain>(keyA).Deposit(1);
        await Cluster.Client.GetGrain<IAccountGrain>(keyB).Deposit(2);
        await Cluster.Client.GetGrain<IAccountGrain>(keyA).Deposit(3);

        var all = await journal.ReadAllAsync(checkpoint, int.MaxValue, Cancel);
        Assert.True(all.Zip(all.Skip(1)).All(p => p.First.Position < p.Second.Position), "positions must rise");
        var ours = all.Where(r => r.StreamId.EndsWith(keyA, StringComparison.Ordinal) || r.StreamId.EndsWith(keyB, StringComparison.Ordinal))
            .Select(r => (r.StreamId[^keyA.Length..], r.Version))
            .ToList();
        Assert.Equal([(keyA, 1L), (keyB, 1L), (keyA, 2L)], ours);
    }
}
