namespace ContactCenter.Actors.Tests.Providers;

/// <summary>The contract of <see cref="IReminderTable"/>, written once and run per provider: rows keyed by grain and
/// name, versioned on every upsert, and read by ranges of the hash ring (begin exclusive, end inclusive, wrapping when
/// begin ≥ end).</summary>
public abstract class ReminderTableContractTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>A reminder table no other test writes to.</summary>
    protected abstract Task<IReminderTable> CreateAsync();

    private static GrainId NewGrain() => new("reminder-contract", Guid.NewGuid().ToString("N"));

    private static ReminderEntry Reminder(GrainId grain, string name, int periodMinutes = 1) =>
        new(grain, name, Start, TimeSpan.FromMinutes(periodMinutes), 0);

    /// <summary>Twelve grains with distinct hashes, sorted by hash, six on each side of 2³¹ so that providers storing
    /// the unsigned hash in a signed column are caught.</summary>
    private static GrainId[] RingGrains()
    {
        var candidates = Enumerable.Range(0, 1000).Select(i => new GrainId("reminder-ring", $"k{i}")).ToArray();
        var low = candidates.Where(g => g.StableHash() < 0x8000_0000u).Take(6);
        var high = candidates.Where(g => g.StableHash() >= 0x8000_0000u).Take(6);
        var grains = low.Concat(high).OrderBy(g => g.StableHash()).ToArray();
        Assert.Equal(12, grains.Select(g => g.StableHash()).Distinct().Count());
        return grains;
    }

    private static async Task<GrainId[]> UpsertRingAsync(IReminderTable table)
    {
        var grains = RingGrains();
        foreach (var grain in grains)
        {
            await table.UpsertAsync(Reminder(grain, "ring"), Cancel);
        }
        return grains;
    }

    /// <summary>The ring grains the range returned, by hash; rows of other grains are ignored.</summary>
    private static async Task<uint[]> ReadRangeOfAsync(IReminderTable table, GrainId[] grains, uint beginExclusive, uint endInclusive)
    {
        var entries = await table.ReadRangeAsync(beginExclusive, endInclusive, Cancel);
        return [.. entries.Where(e => grains.Contains(e.GrainId) && e.Name == "ring").Select(e => e.GrainHash).Order()];
    }

    private static uint[] Hashes(IEnumerable<GrainId> grains) => [.. grains.Select(g => g.StableHash()).Order()];

    [Fact]
    public async Task Upsert_inserts_a_row_with_a_version_that_reads_back_unchanged()
    {
        var table = await CreateAsync();
        var grain = NewGrain();
        var reminder = Reminder(grain, "wake");

        var stored = await table.UpsertAsync(reminder, Cancel);

        Assert.True(stored.Version > 0, $"the inserted row has version {stored.Version}");
        Assert.Equal(reminder with { Version = stored.Version }, stored);
        Assert.Equal(stored, await table.ReadAsync(grain, "wake", Cancel));
        Assert.Equal(grain.StableHash(), stored.GrainHash);
    }

    [Fact]
    public async Task Upsert_of_an_existing_reminder_replaces_it_and_bumps_its_version()
    {
        var table = await CreateAsync();
        var grain = NewGrain();
        var first = await table.UpsertAsync(Reminder(grain, "wake"), Cancel);

        var second = await table.UpsertAsync(first with { StartAt = Start.AddHours(1), Period = TimeSpan.FromMinutes(5) }, Cancel);

        Assert.True(second.Version > first.Version, $"version went from {first.Version} to {second.Version}");
        Assert.Equal(Start.AddHours(1), second.StartAt);
        Assert.Equal(TimeSpan.FromMinutes(5), second.Period);
        Assert.Equal(second, await table.ReadAsync(grain, "wake", Cancel));
        Assert.Single(await table.ReadAsync(grain, Cancel));
    }

    [Fact]
    public async Task Read_by_grain_and_name_returns_only_that_reminder_or_null()
    {
        var table = await CreateAsync();
        var grain = NewGrain();
        var other = NewGrain();
        var wake = await table.UpsertAsync(Reminder(grain, "wake"), Cancel);
        var sleep = await table.UpsertAsync(Reminder(grain, "sleep", periodMinutes: 2), Cancel);

        Assert.Equal(wake, await table.ReadAsync(grain, "wake", Cancel));
        Assert.Equal(sleep, await table.ReadAsync(grain, "sleep", Cancel));
        Assert.Null(await table.ReadAsync(grain, "missing", Cancel));
        Assert.Null(await table.ReadAsync(other, "wake", Cancel));
    }

    [Fact]
    public async Task Read_by_grain_returns_every_reminder_of_that_grain_and_no_other()
    {
        var table = await CreateAsync();
        var grain = NewGrain();
        var other = NewGrain();
        var wake = await table.UpsertAsync(Reminder(grain, "wake"), Cancel);
        var sleep = await table.UpsertAsync(Reminder(grain, "sleep", periodMinutes: 2), Cancel);
        await table.UpsertAsync(Reminder(other, "wake"), Cancel);

        var reminders = await table.ReadAsync(grain, Cancel);

        Assert.Equal([sleep, wake], reminders.OrderBy(r => r.Name, StringComparer.Ordinal));
        Assert.Empty(await table.ReadAsync(NewGrain(), Cancel));
    }

    [Fact]
    public async Task Remove_returns_true_then_false_and_leaves_the_grains_other_reminders()
    {
        var table = await CreateAsync();
        var grain = NewGrain();
        await table.UpsertAsync(Reminder(grain, "wake"), Cancel);
        var sleep = await table.UpsertAsync(Reminder(grain, "sleep"), Cancel);

        Assert.True(await table.RemoveAsync(grain, "wake", Cancel));
        Assert.False(await table.RemoveAsync(grain, "wake", Cancel));

        Assert.Null(await table.ReadAsync(grain, "wake", Cancel));
        Assert.Equal([sleep], await table.ReadAsync(grain, Cancel));
    }

    [Fact]
    public async Task Remove_of_an_unknown_reminder_returns_false()
    {
        var table = await CreateAsync();

        Assert.False(await table.RemoveAsync(NewGrain(), "never", Cancel));
    }

    [Fact]
    public async Task A_removed_reminder_can_be_upserted_again()
    {
        var table = await CreateAsync();
        var grain = NewGrain();
        await table.UpsertAsync(Reminder(grain, "wake"), Cancel);
        await table.RemoveAsync(grain, "wake", Cancel);

        var again = await table.UpsertAsync(Reminder(grain, "wake", periodMinutes: 3), Cancel);

        Assert.Equal(again, await table.ReadAsync(grain, "wake", Cancel));
        Assert.Equal(TimeSpan.FromMinutes(3), again.Period);
    }

    [Fact]
    public async Task ReadRange_of_a_normal_range_excludes_its_begin_and_includes_its_end()
    {
        var table = await CreateAsync();
        var grains = await UpsertRingAsync(table);
        var begin = grains[3].StableHash();
        var end = grains[7].StableHash();

        var hashes = await ReadRangeOfAsync(table, grains, begin, end);

        Assert.Equal(Hashes(grains[4..8]), hashes);
    }

    [Fact]
    public async Task ReadRange_with_begin_after_end_wraps_around_the_ring()
    {
        var table = await CreateAsync();
        var grains = await UpsertRingAsync(table);
        var begin = grains[9].StableHash();
        var end = grains[2].StableHash();

        var hashes = await ReadRangeOfAsync(table, grains, begin, end);

        Assert.Equal(Hashes([.. grains[10..], .. grains[..3]]), hashes);
    }

    [Fact]
    public async Task ReadRange_with_begin_equal_to_end_is_the_whole_ring()
    {
        var table = await CreateAsync();
        var grains = await UpsertRingAsync(table);
        var everything = Hashes(grains);

        Assert.Equal(everything, await ReadRangeOfAsync(table, grains, grains[5].StableHash(), grains[5].StableHash()));
        Assert.Equal(everything, await ReadRangeOfAsync(table, grains, 0, 0));
        Assert.Equal(everything, await ReadRangeOfAsync(table, grains, uint.MaxValue, uint.MaxValue));
    }

    [Fact]
    public async Task ReadRange_of_ranges_that_run_to_the_ends_of_the_hash_space()
    {
        var table = await CreateAsync();
        var grains = await UpsertRingAsync(table);
        var middle = grains[5].StableHash();

        Assert.Equal(Hashes(grains[..6]), await ReadRangeOfAsync(table, grains, 0, middle));
        Assert.Equal(Hashes(grains[6..]), await ReadRangeOfAsync(table, grains, middle, uint.MaxValue));
        Assert.Equal(Hashes(grains[6..]), await ReadRangeOfAsync(table, grains, middle, 0));
    }

    [Fact]
    public async Task Three_ranges_partitioning_the_ring_return_each_reminder_exactly_once()
    {
        var table = await CreateAsync();
        var grains = await UpsertRingAsync(table);
        // Boundaries are reminder hashes themselves, so every boundary row tests the (begin, end] rule; the third
        // range wraps past the top of the hash space.
        uint[] boundaries = [grains[1].StableHash(), grains[6].StableHash(), grains[10].StableHash()];

        var ranges = new List<uint[]>();
        for (var i = 0; i < boundaries.Length; i++)
        {
            ranges.Add(await ReadRangeOfAsync(table, grains, boundaries[i], boundaries[(i + 1) % boundaries.Length]));
        }

        foreach (var grain in grains)
        {
            var hash = grain.StableHash();
            var hits = ranges.Count(r => r.Contains(hash));
            Assert.True(hits == 1, $"{grain} (hash {hash}) was returned by {hits} of the ranges between {string.Join(", ", boundaries)}");
        }
        Assert.Equal(grains.Length, ranges.Sum(r => r.Length));
        Assert.Equal(Hashes(grains[2..7]), ranges[0]);
        Assert.Equal(Hashes(grains[7..11]), ranges[1]);
        Assert.Equal(Hashes([.. grains[11..], .. grains[..2]]), ranges[2]);
    }
}
