namespace ContactCenter.Actors.Tests.Providers;

/// <summary>The contract of <see cref="IGrainDirectory"/>, written once and run per provider: rows are claimed
/// atomically and taken over only from an owner the membership table of the same storage says is dead.</summary>
public abstract class GrainDirectoryContractTests
{
    private static readonly TimeSpan SuspectAfter = TimeSpan.FromSeconds(5);

    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>A directory and the membership table it consults, on storage no other test sees.</summary>
    protected abstract Task<GrainDirectoryUnderTest> CreateAsync();

    private static GrainId NewGrain() => new("directory-contract", Guid.NewGuid().ToString("N"));

    private static async Task<SiloAddress> JoinAsync(IMembershipTable membership, int port)
    {
        var silo = new SiloAddress("127.0.0.1", port, 1);
        await membership.JoinAsync(silo, MemberKind.Silo, "dc1", Cancel);
        return silo;
    }

    /// <summary>Releases every candidate's registration at the same moment, each on its own thread-pool turn.</summary>
    private static Task<SiloAddress[]> RegisterAllAtOnceAsync(
        IGrainDirectory directory, GrainId grain, IReadOnlyList<SiloAddress> candidates) =>
        AllAtOnce.RunAsync(candidates.Count, i => directory.RegisterAsync(grain, candidates[i], Cancel), Cancel);

    [Fact]
    public async Task Lookup_of_an_unknown_grain_returns_null()
    {
        var (directory, _, _) = await CreateAsync();

        Assert.Null(await directory.LookupAsync(NewGrain(), Cancel));
    }

    [Fact]
    public async Task Register_claims_an_empty_row_for_the_candidate()
    {
        var (directory, membership, _) = await CreateAsync();
        var silo = await JoinAsync(membership, 11111);
        var grain = NewGrain();

        Assert.Equal(silo, await directory.RegisterAsync(grain, silo, Cancel));
        Assert.Equal(silo, await directory.LookupAsync(grain, Cancel));
    }

    [Fact]
    public async Task Register_by_the_owner_again_keeps_it_the_owner()
    {
        var (directory, membership, _) = await CreateAsync();
        var silo = await JoinAsync(membership, 11111);
        var grain = NewGrain();
        await directory.RegisterAsync(grain, silo, Cancel);

        Assert.Equal(silo, await directory.RegisterAsync(grain, silo, Cancel));
        Assert.Equal(silo, await directory.LookupAsync(grain, Cancel));
    }

    [Fact]
    public async Task A_second_candidate_gets_the_live_owner_back_and_the_row_is_unchanged()
    {
        var (directory, membership, _) = await CreateAsync();
        var owner = await JoinAsync(membership, 11111);
        var candidate = await JoinAsync(membership, 22222);
        var grain = NewGrain();
        await directory.RegisterAsync(grain, owner, Cancel);

        Assert.Equal(owner, await directory.RegisterAsync(grain, candidate, Cancel));
        Assert.Equal(owner, await directory.LookupAsync(grain, Cancel));
    }

    [Fact]
    public async Task Registrations_of_different_grains_are_independent()
    {
        var (directory, membership, _) = await CreateAsync();
        var first = await JoinAsync(membership, 11111);
        var second = await JoinAsync(membership, 22222);
        var grainA = NewGrain();
        var grainB = NewGrain();

        Assert.Equal(first, await directory.RegisterAsync(grainA, first, Cancel));
        Assert.Equal(second, await directory.RegisterAsync(grainB, second, Cancel));
        Assert.Equal(first, await directory.LookupAsync(grainA, Cancel));
        Assert.Equal(second, await directory.LookupAsync(grainB, Cancel));
    }

    [Fact]
    public async Task A_silent_owner_is_not_taken_over_until_membership_declares_it_dead()
    {
        var (directory, membership, clock) = await CreateAsync();
        var owner = await JoinAsync(membership, 11111);
        var candidate = await JoinAsync(membership, 22222);
        var grain = NewGrain();
        await directory.RegisterAsync(grain, owner, Cancel);
        await clock.AdvanceAsync(TimeSpan.FromMinutes(10));

        Assert.Equal(owner, await directory.RegisterAsync(grain, candidate, Cancel));
        Assert.Equal(owner, await directory.LookupAsync(grain, Cancel));
    }

    [Fact]
    public async Task A_shutting_down_owner_is_not_taken_over()
    {
        var (directory, membership, _) = await CreateAsync();
        var owner = await JoinAsync(membership, 11111);
        var candidate = await JoinAsync(membership, 22222);
        var grain = NewGrain();
        await directory.RegisterAsync(grain, owner, Cancel);
        await membership.SetStatusAsync(owner, MemberStatus.ShuttingDown, Cancel);

        Assert.Equal(owner, await directory.RegisterAsync(grain, candidate, Cancel));
        Assert.Equal(owner, await directory.LookupAsync(grain, Cancel));
    }

    [Fact]
    public async Task An_owner_voted_dead_in_membership_is_taken_over_by_the_next_candidate()
    {
        var (directory, membership, clock) = await CreateAsync();
        var owner = await JoinAsync(membership, 11111);
        var candidate = await JoinAsync(membership, 22222);
        var grain = NewGrain();
        await directory.RegisterAsync(grain, owner, Cancel);
        Assert.Equal(owner, await directory.RegisterAsync(grain, candidate, Cancel));

        await clock.AdvanceAsync(SuspectAfter + TimeSpan.FromSeconds(1));
        Assert.Equal(MemberStatus.Active, await membership.HeartbeatAsync(candidate, Cancel));
        var version = (await membership.ReadAsync(Cancel)).Version;
        Assert.True(await membership.TryDeclareDeadAsync(owner, version, SuspectAfter, Cancel), "the vote against the owner failed");

        Assert.Equal(candidate, await directory.RegisterAsync(grain, candidate, Cancel));
        Assert.Equal(candidate, await directory.LookupAsync(grain, Cancel));
    }

    [Fact]
    public async Task An_owner_that_left_as_dead_is_taken_over_by_the_next_candidate()
    {
        var (directory, membership, _) = await CreateAsync();
        var owner = await JoinAsync(membership, 11111);
        var candidate = await JoinAsync(membership, 22222);
        var grain = NewGrain();
        await directory.RegisterAsync(grain, owner, Cancel);

        await membership.SetStatusAsync(owner, MemberStatus.Dead, Cancel);

        Assert.Equal(candidate, await directory.RegisterAsync(grain, candidate, Cancel));
        Assert.Equal(candidate, await directory.LookupAsync(grain, Cancel));
    }

    [Fact]
    public async Task Lookup_returns_a_dead_owner_until_someone_takes_the_row_over()
    {
        var (directory, membership, _) = await CreateAsync();
        var owner = await JoinAsync(membership, 11111);
        var grain = NewGrain();
        await directory.RegisterAsync(grain, owner, Cancel);

        await membership.SetStatusAsync(owner, MemberStatus.Dead, Cancel);

        Assert.Equal(owner, await directory.LookupAsync(grain, Cancel));
    }

    [Fact]
    public async Task Unregister_by_a_silo_that_does_not_own_the_row_leaves_it()
    {
        var (directory, membership, _) = await CreateAsync();
        var owner = await JoinAsync(membership, 11111);
        var other = await JoinAsync(membership, 22222);
        var grain = NewGrain();
        await directory.RegisterAsync(grain, owner, Cancel);

        await directory.UnregisterAsync(grain, other, Cancel);

        Assert.Equal(owner, await directory.LookupAsync(grain, Cancel));
    }

    [Fact]
    public async Task Unregister_by_a_previous_owner_after_a_takeover_leaves_the_new_owners_row()
    {
        var (directory, membership, _) = await CreateAsync();
        var previous = await JoinAsync(membership, 11111);
        var current = await JoinAsync(membership, 22222);
        var grain = NewGrain();
        await directory.RegisterAsync(grain, previous, Cancel);
        await membership.SetStatusAsync(previous, MemberStatus.Dead, Cancel);
        Assert.Equal(current, await directory.RegisterAsync(grain, current, Cancel));

        await directory.UnregisterAsync(grain, previous, Cancel);

        Assert.Equal(current, await directory.LookupAsync(grain, Cancel));
    }

    [Fact]
    public async Task Unregister_by_the_owner_removes_the_row_and_frees_it_for_another_candidate()
    {
        var (directory, membership, _) = await CreateAsync();
        var owner = await JoinAsync(membership, 11111);
        var next = await JoinAsync(membership, 22222);
        var grain = NewGrain();
        await directory.RegisterAsync(grain, owner, Cancel);

        await directory.UnregisterAsync(grain, owner, Cancel);

        Assert.Null(await directory.LookupAsync(grain, Cancel));
        Assert.Equal(next, await directory.RegisterAsync(grain, next, Cancel));
        Assert.Equal(next, await directory.LookupAsync(grain, Cancel));
    }

    [Fact]
    public async Task Unregister_of_an_unknown_grain_does_nothing()
    {
        var (directory, membership, _) = await CreateAsync();
        var silo = await JoinAsync(membership, 11111);
        var grain = NewGrain();

        await directory.UnregisterAsync(grain, silo, Cancel);

        Assert.Null(await directory.LookupAsync(grain, Cancel));
    }

    [Fact]
    public async Task Fifty_concurrent_candidates_for_one_grain_all_see_the_same_single_owner()
    {
        var (directory, membership, _) = await CreateAsync();
        var candidates = new List<SiloAddress>();
        for (var i = 0; i < 50; i++)
        {
            candidates.Add(await JoinAsync(membership, 20000 + i));
        }
        var grain = NewGrain();

        var owners = await RegisterAllAtOnceAsync(directory, grain, candidates);

        var owner = Assert.Single(owners.Distinct());
        Assert.Contains(owner, candidates);
        Assert.Equal(owner, await directory.LookupAsync(grain, Cancel));
    }

    [Fact]
    public async Task Concurrent_candidates_replacing_a_dead_owner_all_see_the_same_single_new_owner()
    {
        var (directory, membership, _) = await CreateAsync();
        var dead = await JoinAsync(membership, 11111);
        var grain = NewGrain();
        await directory.RegisterAsync(grain, dead, Cancel);
        await membership.SetStatusAsync(dead, MemberStatus.Dead, Cancel);
        var candidates = new List<SiloAddress>();
        for (var i = 0; i < 50; i++)
        {
            candidates.Add(await JoinAsync(membership, 20000 + i));
        }

        var owners = await RegisterAllAtOnceAsync(directory, grain, candidates);

        var owner = Assert.Single(owners.Distinct());
        Assert.Contains(owner, candidates);
        Assert.Equal(owner, await directory.LookupAsync(grain, Cancel));
    }
}
