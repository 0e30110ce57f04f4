using System.Text.Json.Nodes;

namespace ContactCenter.Actors.Tests.Providers;

/// <summary>The contract of <see cref="IEventJournal"/>, written once and run per provider: appends are atomic and
/// version-checked per stream, and every event gets a global position that projections read in order from a
/// checkpoint.</summary>
public abstract partial class EventJournalContractTests
{
    private const int All = 10_000;

    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>A journal on storage no other test writes to, with the clock it stamps records with.</summary>
    protected abstract Task<EventJournalUnderTest> CreateAsync();

    private static string NewStream(string name) => $"{name}-{Guid.NewGuid():N}";

    private static EventData Event(string label) => new("Labelled", $$"""{"label":"{{label}}"}""");

    private static EventData[] Events(string prefix, int count) =>
        [.. Enumerable.Range(1, count).Select(i => Event($"{prefix}{i}"))];

    private static string LabelOf(JournalRecord record) =>
        JsonNode.Parse(record.Json)!["label"]!.GetValue<string>();

    private static async Task<JournalRecord[]> ReadAllOfAsync(IEventJournal journal, long afterPosition, params string[] streams)
    {
        var records = await journal.ReadAllAsync(afterPosition, All, Cancel);
        return [.. records.Where(r => streams.Contains(r.StreamId))];
    }

    [Fact]
    public async Task Append_to_a_new_stream_expecting_version_zero_stores_the_events_from_version_one()
    {
        var (journal, _) = await CreateAsync();
        var stream = NewStream("new");

        var version = await journal.AppendAsync(stream, 0, [Event("a"), Event("b")], Cancel);

        Assert.Equal(2, version);
        var records = await journal.ReadStreamAsync(stream, 0, All, Cancel);
        Assert.Equal([1L, 2], records.Select(r => r.Version));
        Assert.Equal(["a", "b"], records.Select(LabelOf));
        Assert.All(records, r => Assert.Equal(stream, r.StreamId));
        Assert.All(records, r => Assert.Equal("Labelled", r.EventType));
        JsonAssert.Equal("""{"label":"a"}""", records[0].Json);
    }

    [Fact]
    public async Task Reading_a_stream_never_written_returns_nothing()
    {
        var (journal, _) = await CreateAsync();

        Assert.Empty(await journal.ReadStreamAsync(NewStream("missing"), 0, All, Cancel));
    }

    [Fact]
    public async Task Versions_are_contiguous_per_stream_whatever_other_streams_do()
    {
        var (journal, _) = await CreateAsync();
        var first = NewStream("first");
        var second = NewStream("second");

        Assert.Equal(2, await journal.AppendAsync(first, 0, Events("f", 2), Cancel));
        Assert.Equal(1, await journal.AppendAsync(second, 0, Events("s", 1), Cancel));
        Assert.Equal(5, await journal.AppendAsync(first, 2, Events("g", 3), Cancel));
        Assert.Equal(3, await journal.AppendAsync(second, 1, Events("t", 2), Cancel));
        Assert.Equal(6, await journal.AppendAsync(first, 5, Events("h", 1), Cancel));

        var firstRecords = await journal.ReadStreamAsync(first, 0, All, Cancel);
        var secondRecords = await journal.ReadStreamAsync(second, 0, All, Cancel);
        Assert.Equal([1L, 2, 3, 4, 5, 6], firstRecords.Select(r => r.Version));
        Assert.Equal(["f1", "f2", "g1", "g2", "g3", "h1"], firstRecords.Select(LabelOf));
        Assert.Equal([1L, 2, 3], secondRecords.Select(r => r.Version));
        Assert.Equal(["s1", "t1", "t2"], secondRecords.Select(LabelOf));
    }

    [Fact]
    public async Task A_stale_append_throws_and_appends_nothing_to_the_stream_or_the_global_order()
    {
        var (journal, _) = await CreateAsync();
        var stream = NewStream("stale");
        await journal.AppendAsync(stream, 0, Events("e", 2), Cancel);
        var before = await journal.ReadAllAsync(0, All, Cancel);

        // The conflict is reported through the returned task, as any I/O-bound provider reports it, not thrown
        // before a task exists.
        var stale = journal.AppendAsync(stream, 0, Events("x", 2), Cancel);
        await Assert.ThrowsAsync<InconsistentStateException>(() => stale);
        await Assert.ThrowsAsync<InconsistentStateException>(() => journal.AppendAsync(stream, 1, Events("x", 2), Cancel));
        await Assert.ThrowsAsync<InconsistentStateException>(() => journal.AppendAsync(stream, 3, Events("x", 2), Cancel));

        var records = await journal.ReadStreamAsync(stream, 0, All, Cancel);
        Assert.Equal(["e1", "e2"], records.Select(LabelOf));
        Assert.Equal(before, await journal.ReadAllAsync(0, All, Cancel));
    }

    [Fact]
    public async Task An_append_to_a_new_stream_expecting_a_later_version_throws_and_appends_nothing()
    {
        var (journal, _) = await CreateAsync();
        var stream = NewStream("ahead");
        var before = await journal.ReadAllAsync(0, All, Cancel);

        await Assert.ThrowsAsync<InconsistentStateException>(() => journal.AppendAsync(stream, 1, Events("x", 1), Cancel));

        Assert.Empty(await journal.ReadStreamAsync(stream, 0, All, Cancel));
        Assert.Equal(before, await journal.ReadAllAsync(0, All, Cancel));
        Assert.Equal(1, await journal.AppendAsync(stream, 0, Events("y", 1), Cancel));
    }

    [Fact]
    public async Task A_batch_append_is_stored_whole_with_contiguous_versions_and_increasing_positions()
    {
        var (journal, _) = await CreateAsync();
        var stream = NewStream("batch");
        await journal.AppendAsync(stream, 0, Events("a", 1), Cancel);

        Assert.Equal(5, await journal.AppendAsync(stream, 1, Events("b", 4), Cancel));

        var records = await journal.ReadStreamAsync(stream, 1, All, Cancel);
        Assert.Equal(["b1", "b2", "b3", "b4"], records.Select(LabelOf));
        Assert.Equal([2L, 3, 4, 5], records.Select(r => r.Version));
        Assert.Equal(records.Select(r => r.Position).Order(), records.Select(r => r.Position));
        Assert.Equal(4, records.Select(r => r.Position).Distinct().Count());
    }

    [Fact]
    public async Task Concurrent_batches_expecting_the_same_version_leave_exactly_one_whole_batch()
    {
        var (journal, _) = await CreateAsync();
        var stream = NewStream("batches");
        await journal.AppendAsync(stream, 0, Events("base", 1), Cancel);

        var outcomes = await AppendAllAtOnceAsync(journal, stream, expectedVersion: 1, writers: 20, eventsEach: 3);

        var winner = AssertExactlyOneWinner(outcomes, expectedVersion: 1, eventsEach: 3);
        var records = await journal.ReadStreamAsync(stream, 0, All, Cancel);
        Assert.Equal(["base1", $"w{winner}-1", $"w{winner}-2", $"w{winner}-3"], records.Select(LabelOf));
        Assert.Equal([1L, 2, 3, 4], records.Select(r => r.Version));
        var global = await ReadAllOfAsync(journal, 0, stream);
        Assert.Equal(records, global);
    }

    [Fact]
    public async Task Concurrent_appends_to_a_new_stream_expecting_version_zero_let_exactly_one_win()
    {
        var (journal, _) = await CreateAsync();
        var stream = NewStream("race");

        var outcomes = await AppendAllAtOnceAsync(journal, stream, expectedVersion: 0, writers: 20, eventsEach: 1);

        var winner = AssertExactlyOneWinner(outcomes, expectedVersion: 0, eventsEach: 1);
        var records = await journal.ReadStreamAsync(stream, 0, All, Cancel);
        Assert.Equal([$"w{winner}-1"], records.Select(LabelOf));
        Assert.Single(await ReadAllOfAsync(journal, 0, stream));
    }

    [Fact]
    public async Task ReadStream_after_a_version_returns_only_later_events()
    {
        var (journal, _) = await CreateAsync();
        var stream = NewStream("after");
        await journal.AppendAsync(stream, 0, Events("e", 6), Cancel);

        var records = await journal.ReadStreamAsync(stream, 4, All, Cancel);

        Assert.Equal([5L, 6], records.Select(r => r.Version));
        Assert.Equal(["e5", "e6"], records.Select(LabelOf));
        Assert.Empty(await journal.ReadStreamAsync(stream, 6, All, Cancel));
        Assert.Empty(await journal.ReadStreamAsync(stream, 60, All, Cancel));
    }

    [Fact]
    public async Task ReadStream_returns_at_most_maxCount_events_in_version_order()
    {
        var (journal, _) = await CreateAsync();
        var stream = NewStream("max");
        await journal.AppendAsync(stream, 0, Events("e", 7), Cancel);

        var firstPage = await journal.ReadStreamAsync(stream, 0, 3, Cancel);
        var middlePage = await journal.ReadStreamAsync(stream, 2, 3, Cancel);
        var lastPage = await journal.ReadStreamAsync(stream, 6, 3, Cancel);

        Assert.Equal([1L, 2, 3], firstPage.Select(r => r.Version));
        Assert.Equal([3L, 4, 5], middlePage.Select(r => r.Version));
        Assert.Equal([7L], lastPage.Select(r => r.Version));
    }

    [Fact]
    public async Task ReadAll_returns_events_of_every_stream_in_append_order_with_strictly_increasing_positions()
    {
        var (journal, _) = await CreateAsync();
        var a = NewStream("a");
        var b = NewStream("b");
        await journal.AppendAsync(a, 0, Events("a", 2), Cancel);
        await journal.AppendAsync(b, 0, Events("b", 1), Cancel);
        await journal.AppendAsync(a, 2, Events("c", 1), Cancel);
        await journal.AppendAsync(b, 1, Events("d", 2), Cancel);

        var all = await journal.ReadAllAsync(0, All, Cancel);

        var mine = all.Where(r => r.StreamId == a || r.StreamId == b).ToArray();
        Assert.Equal(["a1", "a2", "b1", "c1", "d1", "d2"], mine.Select(LabelOf));
        Assert.Equal([a, a, b, a, b, b], mine.Select(r => r.StreamId));
        Assert.Equal([1L, 2, 1, 3, 2, 3], mine.Select(r => r.Version));
        for (var i = 1; i < all.Count; i++)
        {
            Assert.True(all[i].Position > all[i - 1].Position, $"position {all[i].Position} follows {all[i - 1].Position} at index {i}");
        }
        Assert.All(all, r => Assert.True(r.Position > 0, $"position {r.Position} is not after the start checkpoint 0"));
    }

    [Fact]
    public async Task A_reader_tailing_ReadAll_during_concurrent_appends_misses_nothing()
    {
        // A projection reads from its checkpoint while appends commit concurrently; had a smaller position become
        // visible after a larger one was read, the tail would skip it for good.
        var (journal, _) = await CreateAsync();
        var marker = NewStream("marker");
        await journal.AppendAsync(marker, 0, Events("m", 1), Cancel);
        var start = (await ReadAllOfAsync(journal, 0, marker))[0].Position;
        var streams = Enumerable.Range(0, 8).Select(i => NewStream($"w{i}")).ToArray();
        var writers = Task.WhenAll(streams.Select(stream => Task.Run(async () =>
        {
            var version = 0L;
            for (var batch = 0; batch < 40; batch++)
            {
                version = await journal.AppendAsync(stream, version, Events($"{batch}-", 1 + batch % 2), Cancel);
            }
        })));

        var tailed = new List<JournalRecord>();
        var checkpoint = start;
        while (true)
        {
            var finished = writers.IsCompleted;
            var page = await journal.ReadAllAsync(checkpoint, 50, Cancel);
            tailed.AddRange(page);
            checkpoint = page.Count > 0 ? page[^1].Position : checkpoint;
            if (finished && page.Count == 0)
            {
                break;
            }
        }
        await writers;

        var whole = await ReadAllOfAsync(journal, start, streams);
        Assert.Equal(8 * 60, whole.Length);
        Assert.Equal(whole, tailed.Where(r => streams.Contains(r.StreamId)));
    }

    [Fact]
    public async Task ReadAll_from_a_checkpoint_returns_only_later_events()
    {
        var (journal, _) = await CreateAsync();
        var a = NewStream("a");
        var b = NewStream("b");
        await journal.AppendAsync(a, 0, Events("a", 2), Cancel);
        await journal.AppendAsync(b, 0, Events("b", 2), Cancel);
        var checkpoint = (await ReadAllOfAsync(journal, 0, a, b))[2].Position;
        await journal.AppendAsync(a, 2, Events("c", 1), Cancel);

        var later = await journal.ReadAllAsync(checkpoint, All, Cancel);

        Assert.All(later, r => Assert.True(r.Position > checkpoint, $"position {r.Position} is not after checkpoint {checkpoint}"));
        Assert.Equal(["b2", "c1"], later.Where(r => r.StreamId == a || r.StreamId == b).Select(LabelOf));
    }

    [Fact]
    public async Task ReadAll_paged_by_maxCount_from_each_last_position_returns_the_same_sequence_as_one_read()
    {
        var (journal, _) = await CreateAsync();
        var a = NewStream("a");
        var b = NewStream("b");
        await journal.AppendAsync(a, 0, Events("a", 3), Cancel);
        await journal.AppendAsync(b, 0, Events("b", 2), Cancel);
        await journal.AppendAsync(a, 3, Events("c", 2), Cancel);
        var whole = await journal.ReadAllAsync(0, All, Cancel);

        var paged = new List<JournalRecord>();
        var checkpoint = 0L;
        while (true)
        {
            var page = await journal.ReadAllAsync(checkpoint, 2, Cancel);
            Assert.True(page.Count <= 2, $"a page asked for 2 records returned {page.Count}");
            if (page.Count == 0)
            {
                break;
            }
            paged.AddRange(page);
            checkpoint = page[^1].Position;
        }

        Assert.Equal(whole, paged);
    }

    [Fact]
    public async Task Records_are_stamped_with_the_journal_clock()
    {
        var (journal, clock) = await CreateAsync();
        var stream = NewStream("clock");
        await clock.AdvanceAsync(TimeSpan.FromDays(3));

        var before = await clock.GetNowAsync();
        await journal.AppendAsync(stream, 0, Events("e", 2), Cancel);
        var after = await clock.GetNowAsync();
        await clock.AdvanceAsync(TimeSpan.FromHours(1));
        var laterBefore = await clock.GetNowAsync();
        await journal.AppendAsync(stream, 2, Events("f", 1), Cancel);
        var laterAfter = await clock.GetNowAsync();

        var records = await journal.ReadStreamAsync(stream, 0, All, Cancel);
        Assert.InRange(records[0].Timestamp, before, after);
        Assert.InRange(records[1].Timestamp, before, after);
        Assert.InRange(records[2].Timestamp, laterBefore, laterAfter);
        Assert.True(records[2].Timestamp - records[1].Timestamp >= TimeSpan.FromHours(1),
            $"the clock moved an hour but the stamps moved from {records[1].Timestamp:O} to {records[2].Timestamp:O}");
    }

    [Fact]
    public async Task Reading_a_snapshot_never_written_returns_null()
    {
        var (journal, _) = await CreateAsync();

        Assert.Null(await journal.ReadSnapshotAsync(NewStream("none"), Cancel));
    }

    [Fact]
    public async Task A_written_snapshot_reads_back_with_its_stream_version_and_state()
    {
        var (journal, _) = await CreateAsync();
        var stream = NewStream("snap");
        var other = NewStream("other");

        await journal.WriteSnapshotAsync(stream, 10, """{"balance":100,"deposits":10}""", Cancel);

        var snapshot = await journal.ReadSnapshotAsync(stream, Cancel);
        Assert.NotNull(snapshot);
        Assert.Equal(stream, snapshot.StreamId);
        Assert.Equal(10, snapshot.Version);
        JsonAssert.Equal("""{"balance":100,"deposits":10}""", snapshot.StateJson);
        Assert.Null(await journal.ReadSnapshotAsync(other, Cancel));
    }

    [Fact]
    public async Task A_newer_snapshot_replaces_an_older_one()
    {
        var (journal, _) = await CreateAsync();
        var stream = NewStream("newer");
        await journal.WriteSnapshotAsync(stream, 10, """{"v":10}""", Cancel);

        await journal.WriteSnapshotAsync(stream, 20, """{"v":20}""", Cancel);

        var snapshot = await journal.ReadSnapshotAsync(stream, Cancel);
        Assert.NotNull(snapshot);
        Assert.Equal(20, snapshot.Version);
        JsonAssert.Equal("""{"v":20}""", snapshot.StateJson);
    }

    [Fact]
    public async Task An_older_or_same_version_snapshot_never_replaces_the_stored_one()
    {
        var (journal, _) = await CreateAsync();
        var stream = NewStream("older");
        await journal.WriteSnapshotAsync(stream, 20, """{"v":20}""", Cancel);

        await journal.WriteSnapshotAsync(stream, 10, """{"v":10}""", Cancel);
        await journal.WriteSnapshotAsync(stream, 20, """{"v":"other"}""", Cancel);

        var snapshot = await journal.ReadSnapshotAsync(stream, Cancel);
        Assert.NotNull(snapshot);
        Assert.Equal(20, snapshot.Version);
        JsonAssert.Equal("""{"v":20}""", snapshot.StateJson);
    }

    private static int AssertExactlyOneWinner(
        IReadOnlyList<(int Writer, long? Version, Exception? Error)> outcomes, long expectedVersion, int eventsEach)
    {
        var winners = outcomes.Where(o => o.Version is not null).ToArray();
        Assert.True(winners.Length == 1, $"{winners.Length} appends expecting version {expectedVersion} succeeded; exactly one may");
        Assert.Equal(expectedVersion + eventsEach, winners[0].Version);
        Assert.All(outcomes.Where(o => o.Version is null), o => Assert.IsType<InconsistentStateException>(o.Error));
        return winners[0].Writer;
    }

    /// <summary>Releases every append at the same moment, each on its own thread-pool turn; writer w appends events
    /// labelled <c>w{w}-1</c>…; records who won and how the others failed.</summary>
    private static Task<(int Writer, long? Version, Exception? Error)[]> AppendAllAtOnceAsync(
        IEventJournal journal, string stream, long expectedVersion, int writers, int eventsEach) =>
        AllAtOnce.CompeteAsync(writers, writer => journal.AppendAsync(stream, expectedVersion, Events($"w{writer}-", eventsEach), Cancel), Cancel);
}
