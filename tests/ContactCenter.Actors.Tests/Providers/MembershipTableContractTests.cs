namespace ContactCenter.Actors.Tests.Providers;

/// <summary>The contract of <see cref="IMembershipTable"/>, written once and run per provider. Heartbeat ages are
/// measured on the table's clock only, which the tests move through <see cref="IProviderClock"/>.</summary>
public abstract class MembershipTableContractTests
{
    private static readonly TimeSpan SuspectAfter = TimeSpan.FromSeconds(5);

    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>A table on storage no other test sees (the cluster version is global to the table).</summary>
    protected abstract Task<MembershipTableUnderTest> CreateAsync();

    private static SiloAddress Silo(int port, long generation = 1) => new("127.0.0.1", port, generation);

    private static async Task<MembershipEntry> RowAsync(IMembershipTable table, SiloAddress address)
    {
        var snapshot = await table.ReadAsync(Cancel);
        return Assert.Single(snapshot.Members, m => m.Address == address);
    }

    private static async Task<long> VersionAsync(IMembershipTable table) => (await table.ReadAsync(Cancel)).Version;

    [Fact]
    public async Task Join_adds_an_active_row_with_its_heartbeat_at_table_time()
    {
        var (table, clock) = await CreateAsync();
        await clock.AdvanceAsync(TimeSpan.FromMinutes(3));
        var silo = Silo(11111);

        var before = await clock.GetNowAsync();
        await table.JoinAsync(silo, MemberKind.Silo, "dc1", Cancel);
        var after = await clock.GetNowAsync();

        var snapshot = await table.ReadAsync(Cancel);
        var row = Assert.Single(snapshot.Members, m => m.Address == silo);
        Assert.Equal(MemberStatus.Active, row.Status);
        Assert.Equal(MemberKind.Silo, row.Kind);
        Assert.Equal("dc1", row.Site);
        Assert.InRange(row.HeartbeatAt, before, after);
        Assert.Equal(row.StartedAt, row.HeartbeatAt);
        Assert.True(row.HeartbeatAt <= snapshot.Now, $"heartbeat {row.HeartbeatAt:O} is after the table's now {snapshot.Now:O}");
    }

    [Fact]
    public async Task Join_of_a_client_records_its_kind_and_site()
    {
        var (table, _) = await CreateAsync();
        var client = new SiloAddress("10.0.0.7", 0, 42);

        await table.JoinAsync(client, MemberKind.Client, "dc2", Cancel);

        var row = await RowAsync(table, client);
        Assert.Equal(MemberKind.Client, row.Kind);
        Assert.Equal("dc2", row.Site);
        Assert.Equal(MemberStatus.Active, row.Status);
    }

    [Fact]
    public async Task Read_reports_the_table_clock_as_now()
    {
        var (table, clock) = await CreateAsync();

        var first = await table.ReadAsync(Cancel);
        await clock.AdvanceAsync(TimeSpan.FromSeconds(7));
        var before = await clock.GetNowAsync();
        var second = await table.ReadAsync(Cancel);
        var after = await clock.GetNowAsync();

        Assert.InRange(second.Now, before, after);
        Assert.True(second.Now - first.Now >= TimeSpan.FromSeconds(7), $"now moved from {first.Now:O} only to {second.Now:O}");
    }

    [Fact]
    public async Task Each_join_advances_the_version()
    {
        var (table, _) = await CreateAsync();
        var initial = await VersionAsync(table);

        await table.JoinAsync(Silo(11111), MemberKind.Silo, "dc1", Cancel);
        var afterFirst = await VersionAsync(table);
        await table.JoinAsync(Silo(22222), MemberKind.Silo, "dc2", Cancel);
        var afterSecond = await VersionAsync(table);

        Assert.True(afterFirst > initial, $"version {initial} did not advance on the first join ({afterFirst})");
        Assert.True(afterSecond > afterFirst, $"version {afterFirst} did not advance on the second join ({afterSecond})");
    }

    [Fact]
    public async Task Each_status_change_advances_the_version()
    {
        var (table, _) = await CreateAsync();
        var silo = Silo(11111);
        await table.JoinAsync(silo, MemberKind.Silo, "dc1", Cancel);
        var joined = await VersionAsync(table);

        await table.SetStatusAsync(silo, MemberStatus.ShuttingDown, Cancel);
        var shuttingDown = await VersionAsync(table);
        await table.SetStatusAsync(silo, MemberStatus.Dead, Cancel);
        var dead = await VersionAsync(table);

        Assert.True(shuttingDown > joined, $"version {joined} did not advance on ShuttingDown ({shuttingDown})");
        Assert.True(dead > shuttingDown, $"version {shuttingDown} did not advance on Dead ({dead})");
        Assert.Equal(MemberStatus.Dead, (await RowAsync(table, silo)).Status);
    }

    [Fact]
    public async Task Heartbeat_renews_the_row_at_table_time_and_returns_active()
    {
        var (table, clock) = await CreateAsync();
        var silo = Silo(11111);
        await table.JoinAsync(silo, MemberKind.Silo, "dc1", Cancel);
        var joined = await RowAsync(table, silo);

        await clock.AdvanceAsync(TimeSpan.FromSeconds(3));
        var before = await clock.GetNowAsync();
        var status = await table.HeartbeatAsync(silo, Cancel);
        var after = await clock.GetNowAsync();

        Assert.Equal(MemberStatus.Active, status);
        var renewed = await RowAsync(table, silo);
        Assert.InRange(renewed.HeartbeatAt, before, after);
        Assert.True(renewed.HeartbeatAt - joined.HeartbeatAt >= TimeSpan.FromSeconds(3),
            $"heartbeat moved from {joined.HeartbeatAt:O} only to {renewed.HeartbeatAt:O}");
        Assert.Equal(joined.StartedAt, renewed.StartedAt);
        Assert.Equal(MemberStatus.Active, renewed.Status);
    }

    [Fact]
    public async Task Heartbeat_does_not_advance_the_version_so_votes_read_before_it_stay_valid()
    {
        var (table, clock) = await CreateAsync();
        var silo = Silo(11111);
        await table.JoinAsync(silo, MemberKind.Silo, "dc1", Cancel);
        var version = await VersionAsync(table);

        await clock.AdvanceAsync(TimeSpan.FromSeconds(1));
        await table.HeartbeatAsync(silo, Cancel);

        Assert.Equal(version, await VersionAsync(table));
    }

    [Fact]
    public async Task Heartbeat_of_a_shutting_down_row_renews_it_and_returns_ShuttingDown()
    {
        var (table, clock) = await CreateAsync();
        var silo = Silo(11111);
        await table.JoinAsync(silo, MemberKind.Silo, "dc1", Cancel);
        await table.SetStatusAsync(silo, MemberStatus.ShuttingDown, Cancel);
        var before = await RowAsync(table, silo);

        await clock.AdvanceAsync(TimeSpan.FromSeconds(2));
        var status = await table.HeartbeatAsync(silo, Cancel);

        Assert.Equal(MemberStatus.ShuttingDown, status);
        var after = await RowAsync(table, silo);
        Assert.Equal(MemberStatus.ShuttingDown, after.Status);
        Assert.True(after.HeartbeatAt - before.HeartbeatAt >= TimeSpan.FromSeconds(2),
            $"heartbeat moved from {before.HeartbeatAt:O} only to {after.HeartbeatAt:O}");
    }

    [Fact]
    public async Task Heartbeat_of_a_row_that_left_returns_dead_and_neither_revives_nor_renews_it()
    {
        var (table, clock) = await CreateAsync();
        var silo = Silo(11111);
        await table.JoinAsync(silo, MemberKind.Silo, "dc1", Cancel);
        await table.SetStatusAsync(silo, MemberStatus.Dead, Cancel);
        var dead = await RowAsync(table, silo);
        var version = await VersionAsync(table);

        await clock.AdvanceAsync(TimeSpan.FromSeconds(2));
        var status = await table.HeartbeatAsync(silo, Cancel);

        Assert.Equal(MemberStatus.Dead, status);
        var after = await RowAsync(table, silo);
        Assert.Equal(MemberStatus.Dead, after.Status);
        Assert.Equal(dead.HeartbeatAt, after.HeartbeatAt);
        Assert.Equal(version, await VersionAsync(table));
    }

    [Fact]
    public async Task Heartbeat_of_a_row_voted_dead_returns_dead_and_does_not_revive_it()
    {
        var (table, clock) = await CreateAsync();
        var silo = Silo(11111);
        await table.JoinAsync(silo, MemberKind.Silo, "dc1", Cancel);
        await clock.AdvanceAsync(SuspectAfter + TimeSpan.FromSeconds(1));
        Assert.True(await table.TryDeclareDeadAsync(silo, await VersionAsync(table), SuspectAfter, Cancel));

        var status = await table.HeartbeatAsync(silo, Cancel);

        Assert.Equal(MemberStatus.Dead, status);
        Assert.Equal(MemberStatus.Dead, (await RowAsync(table, silo)).Status);
    }

    [Fact]
    public async Task SetStatus_never_moves_a_dead_row_backwards()
    {
        var (table, _) = await CreateAsync();
        var silo = Silo(11111);
        await table.JoinAsync(silo, MemberKind.Silo, "dc1", Cancel);
        await table.SetStatusAsync(silo, MemberStatus.Dead, Cancel);
        var version = await VersionAsync(table);

        await table.SetStatusAsync(silo, MemberStatus.Active, Cancel);
        await table.SetStatusAsync(silo, MemberStatus.ShuttingDown, Cancel);

        Assert.Equal(MemberStatus.Dead, (await RowAsync(table, silo)).Status);
        Assert.Equal(version, await VersionAsync(table));
    }

    [Fact]
    public async Task SetStatus_never_moves_a_shutting_down_row_back_to_active()
    {
        var (table, _) = await CreateAsync();
        var silo = Silo(11111);
        await table.JoinAsync(silo, MemberKind.Silo, "dc1", Cancel);
        await table.SetStatusAsync(silo, MemberStatus.ShuttingDown, Cancel);
        var version = await VersionAsync(table);

        await table.SetStatusAsync(silo, MemberStatus.Active, Cancel);

        Assert.Equal(MemberStatus.ShuttingDown, (await RowAsync(table, silo)).Status);
        Assert.Equal(version, await VersionAsync(table));
    }

    [Fact]
    public async Task TryDeclareDead_with_a_stale_expected_version_fails_and_changes_nothing()
    {
        var (table, clock) = await CreateAsync();
        var suspect = Silo(11111);
        await table.JoinAsync(suspect, MemberKind.Silo, "dc1", Cancel);
        await clock.AdvanceAsync(SuspectAfter + TimeSpan.FromSeconds(5));
        var readVersion = await VersionAsync(table);
        await table.JoinAsync(Silo(22222), MemberKind.Silo, "dc1", Cancel);
        var current = await VersionAsync(table);

        Assert.False(await table.TryDeclareDeadAsync(suspect, readVersion, SuspectAfter, Cancel));
        Assert.False(await table.TryDeclareDeadAsync(suspect, current - 1, SuspectAfter, Cancel));
        Assert.False(await table.TryDeclareDeadAsync(suspect, current + 1, SuspectAfter, Cancel));

        Assert.Equal(MemberStatus.Active, (await RowAsync(table, suspect)).Status);
        Assert.Equal(current, await VersionAsync(table));
    }

    [Fact]
    public async Task TryDeclareDead_fails_while_the_suspects_heartbeat_is_younger_than_suspectAfter_by_the_table_clock()
    {
        var (table, clock) = await CreateAsync();
        var suspect = Silo(11111);
        await table.JoinAsync(suspect, MemberKind.Silo, "dc1", Cancel);
        await clock.AdvanceAsync(SuspectAfter - TimeSpan.FromSeconds(2));
        var version = await VersionAsync(table);

        Assert.False(await table.TryDeclareDeadAsync(suspect, version, SuspectAfter, Cancel));

        Assert.Equal(MemberStatus.Active, (await RowAsync(table, suspect)).Status);
        Assert.Equal(version, await VersionAsync(table));
    }

    [Fact]
    public async Task TryDeclareDead_fails_after_the_suspect_renewed_its_heartbeat()
    {
        var (table, clock) = await CreateAsync();
        var suspect = Silo(11111);
        await table.JoinAsync(suspect, MemberKind.Silo, "dc1", Cancel);
        await clock.AdvanceAsync(SuspectAfter + TimeSpan.FromSeconds(10));
        Assert.Equal(MemberStatus.Active, await table.HeartbeatAsync(suspect, Cancel));
        await clock.AdvanceAsync(TimeSpan.FromSeconds(1));
        var version = await VersionAsync(table);

        Assert.False(await table.TryDeclareDeadAsync(suspect, version, SuspectAfter, Cancel));

        Assert.Equal(MemberStatus.Active, (await RowAsync(table, suspect)).Status);
        Assert.Equal(version, await VersionAsync(table));
    }

    [Fact]
    public async Task TryDeclareDead_marks_a_silent_suspect_dead_and_advances_the_version()
    {
        var (table, clock) = await CreateAsync();
        var suspect = Silo(11111);
        var voter = Silo(22222);
        await table.JoinAsync(suspect, MemberKind.Silo, "dc1", Cancel);
        await table.JoinAsync(voter, MemberKind.Silo, "dc1", Cancel);
        await clock.AdvanceAsync(SuspectAfter + TimeSpan.FromSeconds(1));
        Assert.Equal(MemberStatus.Active, await table.HeartbeatAsync(voter, Cancel));
        var version = await VersionAsync(table);

        Assert.True(await table.TryDeclareDeadAsync(suspect, version, SuspectAfter, Cancel));

        var snapshot = await table.ReadAsync(Cancel);
        Assert.True(snapshot.Version > version, $"version {version} did not advance on the vote ({snapshot.Version})");
        Assert.Equal(MemberStatus.Dead, Assert.Single(snapshot.Members, m => m.Address == suspect).Status);
        Assert.Equal(MemberStatus.Active, Assert.Single(snapshot.Members, m => m.Address == voter).Status);
    }

    [Fact]
    public async Task A_second_identical_vote_returns_false_and_changes_nothing()
    {
        var (table, clock) = await CreateAsync();
        var suspect = Silo(11111);
        await table.JoinAsync(suspect, MemberKind.Silo, "dc1", Cancel);
        await clock.AdvanceAsync(SuspectAfter + TimeSpan.FromSeconds(1));
        var version = await VersionAsync(table);
        Assert.True(await table.TryDeclareDeadAsync(suspect, version, SuspectAfter, Cancel));
        var afterVote = await VersionAsync(table);

        Assert.False(await table.TryDeclareDeadAsync(suspect, version, SuspectAfter, Cancel));
        Assert.False(await table.TryDeclareDeadAsync(suspect, afterVote, SuspectAfter, Cancel));

        Assert.Equal(afterVote, await VersionAsync(table));
        Assert.Equal(MemberStatus.Dead, (await RowAsync(table, suspect)).Status);
    }

    [Fact]
    public async Task TryDeclareDead_of_an_unknown_address_returns_false_and_changes_nothing()
    {
        var (table, clock) = await CreateAsync();
        await table.JoinAsync(Silo(11111), MemberKind.Silo, "dc1", Cancel);
        await clock.AdvanceAsync(SuspectAfter + TimeSpan.FromSeconds(1));
        var version = await VersionAsync(table);

        Assert.False(await table.TryDeclareDeadAsync(Silo(33333), version, SuspectAfter, Cancel));

        var snapshot = await table.ReadAsync(Cancel);
        Assert.Equal(version, snapshot.Version);
        Assert.DoesNotContain(snapshot.Members, m => m.Address == Silo(33333));
    }

    [Fact]
    public async Task Heartbeat_of_an_unknown_address_returns_dead_and_adds_no_row()
    {
        var (table, _) = await CreateAsync();
        var stranger = Silo(44444);
        var version = await VersionAsync(table);

        Assert.Equal(MemberStatus.Dead, await table.HeartbeatAsync(stranger, Cancel));

        var snapshot = await table.ReadAsync(Cancel);
        Assert.DoesNotContain(snapshot.Members, m => m.Address == stranger);
        Assert.Equal(version, snapshot.Version);
    }

    [Fact]
    public async Task Joining_the_same_address_twice_fails_and_keeps_the_first_row()
    {
        var (table, clock) = await CreateAsync();
        var silo = Silo(11111);
        await table.JoinAsync(silo, MemberKind.Silo, "dc1", Cancel);
        var first = await RowAsync(table, silo);
        var version = await VersionAsync(table);
        await clock.AdvanceAsync(TimeSpan.FromSeconds(1));

        await Assert.ThrowsAnyAsync<Exception>(() => table.JoinAsync(silo, MemberKind.Client, "dc2", Cancel));

        Assert.Equal(first, await RowAsync(table, silo));
        Assert.Equal(version, await VersionAsync(table));
    }

    [Fact]
    public async Task Joining_a_dead_address_again_fails_because_a_restart_is_a_new_generation()
    {
        var (table, _) = await CreateAsync();
        var silo = Silo(11111, generation: 1);
        await table.JoinAsync(silo, MemberKind.Silo, "dc1", Cancel);
        await table.SetStatusAsync(silo, MemberStatus.Dead, Cancel);

        await Assert.ThrowsAnyAsync<Exception>(() => table.JoinAsync(silo, MemberKind.Silo, "dc1", Cancel));
        Assert.Equal(MemberStatus.Dead, (await RowAsync(table, silo)).Status);

        var restarted = Silo(11111, generation: 2);
        await table.JoinAsync(restarted, MemberKind.Silo, "dc1", Cancel);
        Assert.Equal(MemberStatus.Active, (await RowAsync(table, restarted)).Status);
        Assert.Equal(MemberStatus.Dead, (await RowAsync(table, silo)).Status);
    }
}
