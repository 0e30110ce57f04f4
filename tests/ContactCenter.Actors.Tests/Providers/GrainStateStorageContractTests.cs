namespace ContactCenter.Actors.Tests.Providers;

/// <summary>The contract of <see cref="IGrainStateStorage"/>, written once and run per provider: every write and clear
/// is a compare-and-swap on the document's version, and a failed one changes nothing.</summary>
public abstract class GrainStateStorageContractTests
{
    private const string StateName = "state";

    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>A storage no other test writes to.</summary>
    protected abstract Task<IGrainStateStorage> CreateAsync();

    private static GrainId NewGrain() => new("state-contract", Guid.NewGuid().ToString("N"));

    private static string Document(int value) => $$"""{"value":{{value}},"name":"v{{value}}"}""";

    [Fact]
    public async Task Reading_a_document_never_written_returns_null_json_and_version_zero()
    {
        var storage = await CreateAsync();

        var stored = await storage.ReadAsync(StateName, NewGrain(), Cancel);

        Assert.Null(stored.Json);
        Assert.Equal(0, stored.Version);
    }

    [Fact]
    public async Task The_first_write_expects_version_zero_and_yields_version_one()
    {
        var storage = await CreateAsync();
        var grain = NewGrain();

        var version = await storage.WriteAsync(StateName, grain, Document(1), 0, Cancel);

        Assert.Equal(1, version);
        var stored = await storage.ReadAsync(StateName, grain, Cancel);
        JsonAssert.Equal(Document(1), stored.Json);
        Assert.Equal(1, stored.Version);
    }

    [Fact]
    public async Task Each_write_with_the_stored_version_advances_it_by_one()
    {
        var storage = await CreateAsync();
        var grain = NewGrain();

        var versions = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            versions.Add(await storage.WriteAsync(StateName, grain, Document(i), i, Cancel));
        }

        Assert.Equal([1L, 2, 3, 4, 5], versions);
        var stored = await storage.ReadAsync(StateName, grain, Cancel);
        JsonAssert.Equal(Document(4), stored.Json);
        Assert.Equal(5, stored.Version);
    }

    [Fact]
    public async Task A_write_with_a_stale_version_throws_and_changes_nothing()
    {
        var storage = await CreateAsync();
        var grain = NewGrain();
        await storage.WriteAsync(StateName, grain, Document(1), 0, Cancel);
        await storage.WriteAsync(StateName, grain, Document(2), 1, Cancel);

        // The conflict is reported through the returned task, as any I/O-bound provider reports it, not thrown
        // before a task exists.
        var stale = storage.WriteAsync(StateName, grain, Document(9), 1, Cancel);
        await Assert.ThrowsAsync<InconsistentStateException>(() => stale);
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteAsync(StateName, grain, Document(9), 0, Cancel));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteAsync(StateName, grain, Document(9), 3, Cancel));

        var stored = await storage.ReadAsync(StateName, grain, Cancel);
        JsonAssert.Equal(Document(2), stored.Json);
        Assert.Equal(2, stored.Version);
    }

    [Fact]
    public async Task A_first_write_expecting_a_version_that_was_never_stored_throws_and_stores_nothing()
    {
        var storage = await CreateAsync();
        var grain = NewGrain();

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteAsync(StateName, grain, Document(1), 1, Cancel));

        var stored = await storage.ReadAsync(StateName, grain, Cancel);
        Assert.Null(stored.Json);
        Assert.Equal(0, stored.Version);
    }

    [Fact]
    public async Task Clear_leaves_a_tombstone_whose_version_moves_on()
    {
        var storage = await CreateAsync();
        var grain = NewGrain();
        await storage.WriteAsync(StateName, grain, Document(1), 0, Cancel);

        var cleared = await storage.ClearAsync(StateName, grain, 1, Cancel);

        Assert.Equal(2, cleared);
        var stored = await storage.ReadAsync(StateName, grain, Cancel);
        Assert.Null(stored.Json);
        Assert.Equal(2, stored.Version);
    }

    [Fact]
    public async Task After_a_clear_a_writer_holding_the_pre_clear_version_fails_and_one_holding_the_tombstone_succeeds()
    {
        var storage = await CreateAsync();
        var grain = NewGrain();
        await storage.WriteAsync(StateName, grain, Document(1), 0, Cancel);
        var tombstone = await storage.ClearAsync(StateName, grain, 1, Cancel);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteAsync(StateName, grain, Document(2), 1, Cancel));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteAsync(StateName, grain, Document(2), 0, Cancel));
        Assert.Equal(new StoredState(null, tombstone), await storage.ReadAsync(StateName, grain, Cancel));

        var rewritten = await storage.WriteAsync(StateName, grain, Document(3), tombstone, Cancel);

        Assert.Equal(tombstone + 1, rewritten);
        var stored = await storage.ReadAsync(StateName, grain, Cancel);
        JsonAssert.Equal(Document(3), stored.Json);
        Assert.Equal(rewritten, stored.Version);
    }

    [Fact]
    public async Task A_clear_with_a_stale_version_throws_and_keeps_the_document()
    {
        var storage = await CreateAsync();
        var grain = NewGrain();
        await storage.WriteAsync(StateName, grain, Document(1), 0, Cancel);
        await storage.WriteAsync(StateName, grain, Document(2), 1, Cancel);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearAsync(StateName, grain, 1, Cancel));

        var stored = await storage.ReadAsync(StateName, grain, Cancel);
        JsonAssert.Equal(Document(2), stored.Json);
        Assert.Equal(2, stored.Version);
    }

    [Fact]
    public async Task State_names_are_independent_keys()
    {
        var storage = await CreateAsync();
        var grain = NewGrain();

        Assert.Equal(1, await storage.WriteAsync("profile", grain, Document(1), 0, Cancel));
        Assert.Equal(1, await storage.WriteAsync("settings", grain, Document(2), 0, Cancel));
        Assert.Equal(2, await storage.WriteAsync("profile", grain, Document(3), 1, Cancel));

        var profile = await storage.ReadAsync("profile", grain, Cancel);
        var settings = await storage.ReadAsync("settings", grain, Cancel);
        JsonAssert.Equal(Document(3), profile.Json);
        Assert.Equal(2, profile.Version);
        JsonAssert.Equal(Document(2), settings.Json);
        Assert.Equal(1, settings.Version);
        Assert.Equal(StoredState.None, await storage.ReadAsync("other", grain, Cancel));
    }

    [Fact]
    public async Task Grain_ids_are_independent_keys_by_type_and_by_key()
    {
        var storage = await CreateAsync();
        var key = Guid.NewGuid().ToString("N");
        var grain = new GrainId("state-contract-a", key);
        var sameKeyOtherType = new GrainId("state-contract-b", key);
        var sameTypeOtherKey = new GrainId("state-contract-a", key + "-2");

        await storage.WriteAsync(StateName, grain, Document(1), 0, Cancel);
        await storage.WriteAsync(StateName, grain, Document(2), 1, Cancel);
        Assert.Equal(1, await storage.WriteAsync(StateName, sameKeyOtherType, Document(3), 0, Cancel));

        Assert.Equal(StoredState.None, await storage.ReadAsync(StateName, sameTypeOtherKey, Cancel));
        JsonAssert.Equal(Document(3), (await storage.ReadAsync(StateName, sameKeyOtherType, Cancel)).Json);
        await storage.ClearAsync(StateName, sameKeyOtherType, 1, Cancel);
        var stored = await storage.ReadAsync(StateName, grain, Cancel);
        JsonAssert.Equal(Document(2), stored.Json);
        Assert.Equal(2, stored.Version);
    }

    [Fact]
    public async Task Concurrent_first_writes_expecting_version_zero_let_exactly_one_succeed()
    {
        var storage = await CreateAsync();
        var grain = NewGrain();

        var outcomes = await WriteAllAtOnceAsync(storage, grain, expectedVersion: 0, writers: 20);

        AssertExactlyOneWinner(outcomes, expectedVersion: 0);
        var winner = outcomes.Single(o => o.Version is not null).Writer;
        var stored = await storage.ReadAsync(StateName, grain, Cancel);
        JsonAssert.Equal(Document(winner), stored.Json);
        Assert.Equal(1, stored.Version);
    }

    [Fact]
    public async Task Concurrent_writes_expecting_the_same_stored_version_let_exactly_one_succeed()
    {
        var storage = await CreateAsync();
        var grain = NewGrain();
        await storage.WriteAsync(StateName, grain, Document(-1), 0, Cancel);
        await storage.WriteAsync(StateName, grain, Document(-2), 1, Cancel);

        var outcomes = await WriteAllAtOnceAsync(storage, grain, expectedVersion: 2, writers: 20);

        AssertExactlyOneWinner(outcomes, expectedVersion: 2);
        var winner = outcomes.Single(o => o.Version is not null).Writer;
        var stored = await storage.ReadAsync(StateName, grain, Cancel);
        JsonAssert.Equal(Document(winner), stored.Json);
        Assert.Equal(3, stored.Version);
    }

    private static void AssertExactlyOneWinner(IReadOnlyList<(int Writer, long? Version, Exception? Error)> outcomes, long expectedVersion)
    {
        var winners = outcomes.Where(o => o.Version is not null).ToArray();
        Assert.True(winners.Length == 1, $"{winners.Length} writers expecting version {expectedVersion} succeeded; exactly one may");
        Assert.Equal(expectedVersion + 1, winners[0].Version);
        Assert.All(outcomes.Where(o => o.Version is null), o => Assert.IsType<InconsistentStateException>(o.Error));
    }

    /// <summary>Releases every writer at the same moment, each on its own thread-pool turn; records who won and how
    /// the others failed.</summary>
    private static Task<(int Writer, long? Version, Exception? Error)[]> WriteAllAtOnceAsync(
        IGrainStateStorage storage, GrainId grain, long expectedVersion, int writers) =>
        AllAtOnce.CompeteAsync(writers, writer => storage.WriteAsync(StateName, grain, Document(writer), expectedVersion, Cancel), Cancel);
}
