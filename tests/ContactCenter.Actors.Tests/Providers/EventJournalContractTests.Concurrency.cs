namespace ContactCenter.Actors.Tests.Providers;

/// <summary>The contract under many concurrent appenders (a provider may write their appends together, as the
/// PostgreSQL journal's group commit does): each append keeps its own outcome and every guarantee holds.</summary>
public abstract partial class EventJournalContractTests
{
    [Fact]
    public async Task Many_concurrent_streams_appending_serially_get_dense_versions_and_positions_increasing_with_them()
    {
        var (journal, _) = await CreateAsync();
        var streams = Enumerable.Range(0, 64).Select(i => NewStream($"many{i}")).ToArray();

        var finals = await AllAtOnce.RunAsync(streams.Length, async s =>
        {
            var version = 0L;
            for (var append = 0; append < 10; append++)
            {
                var returned = await journal.AppendAsync(streams[s], version, Events($"{append}-", 1 + (s + append) % 3), Cancel);
                Assert.Equal(version + 1 + (s + append) % 3, returned);
                version = returned;
            }
            return version;
        }, Cancel);

        var positions = new HashSet<long>();
        for (var s = 0; s < streams.Length; s++)
        {
            var records = await journal.ReadStreamAsync(streams[s], 0, All, Cancel);
            var expected = Enumerable.Range(0, 10).SelectMany(append => Enumerable.Range(1, 1 + (s + append) % 3).Select(i => $"{append}-{i}"));
            Assert.Equal(expected, records.Select(LabelOf));
            Assert.Equal(Enumerable.Range(1, records.Count).Select(v => (long)v), records.Select(r => r.Version));
            Assert.Equal(finals[s], records[^1].Version);
            for (var i = 1; i < records.Count; i++)
            {
                Assert.True(records[i].Position > records[i - 1].Position,
                    $"stream {s}: version {records[i].Version} has position {records[i].Position}, not after {records[i - 1].Position}");
            }
            Assert.All(records, r => Assert.True(positions.Add(r.Position), $"position {r.Position} given twice"));
        }
        var global = await ReadAllOfAsync(journal, 0, streams);
        Assert.Equal(positions.Order(), global.Select(r => r.Position));
    }

    [Fact]
    public async Task A_lost_compare_and_swap_among_concurrent_appends_fails_only_that_append()
    {
        var (journal, _) = await CreateAsync();
        var streams = Enumerable.Range(0, 40).Select(i => NewStream($"cas{i}")).ToArray();
        foreach (var stream in streams)
        {
            await journal.AppendAsync(stream, 0, Events("base", 1), Cancel);
        }
        var before = await ReadAllOfAsync(journal, 0, streams);

        // Every fifth append expects a version its stream does not have.
        var outcomes = await AllAtOnce.CompeteAsync(
            streams.Length, s => journal.AppendAsync(streams[s], s % 5 == 0 ? 2 : 1, Events("next", 2), Cancel), Cancel);

        foreach (var (s, version, error) in outcomes)
        {
            var records = await journal.ReadStreamAsync(streams[s], 0, All, Cancel);
            if (s % 5 == 0)
            {
                Assert.IsType<InconsistentStateException>(error);
                Assert.Equal(["base1"], records.Select(LabelOf));
            }
            else
            {
                Assert.True(error is null, $"append {s} failed: {error}");
                Assert.Equal(3, version);
                Assert.Equal(["base1", "next1", "next2"], records.Select(LabelOf));
            }
        }
        Assert.Equal(before.Length + (32 * 2), (await ReadAllOfAsync(journal, 0, streams)).Length);
    }

    [Fact]
    public async Task Appends_to_one_stream_made_without_waiting_for_each_other_are_written_in_the_order_made()
    {
        var (journal, _) = await CreateAsync();
        var stream = NewStream("pipelined");
        var others = Enumerable.Range(0, 8).Select(i => NewStream($"other{i}")).ToArray();

        var appends = new List<Task<long>> { journal.AppendAsync(stream, 0, Events("a", 1), Cancel) };
        appends.AddRange(others.Select(other => journal.AppendAsync(other, 0, Events("o", 1), Cancel)));
        appends.Add(journal.AppendAsync(stream, 1, Events("b", 2), Cancel));
        appends.Add(journal.AppendAsync(stream, 3, Events("c", 1), Cancel));
        var versions = await Task.WhenAll(appends);

        Assert.Equal([1L, 3, 4], new[] { versions[0], versions[^2], versions[^1] });
        var records = await journal.ReadStreamAsync(stream, 0, All, Cancel);
        Assert.Equal(["a1", "b1", "b2", "c1"], records.Select(LabelOf));
        Assert.Equal([1L, 2, 3, 4], records.Select(r => r.Version));
    }

    [Fact]
    public async Task A_reader_polling_ReadAll_under_many_concurrent_appenders_never_sees_a_position_below_its_checkpoint_appear()
    {
        var (journal, _) = await CreateAsync();
        var marker = NewStream("marker");
        await journal.AppendAsync(marker, 0, Events("m", 1), Cancel);
        var start = (await ReadAllOfAsync(journal, 0, marker))[0].Position;
        var streams = Enumerable.Range(0, 48).Select(i => NewStream($"v{i}")).ToArray();
        var writers = AllAtOnce.RunAsync(streams.Length, async s =>
        {
            var version = 0L;
            for (var append = 0; append < 12; append++)
            {
                version = await journal.AppendAsync(streams[s], version, Events($"{append}-", 1 + append % 3), Cancel);
            }
            return version;
        }, Cancel);

        var tailed = new List<JournalRecord>();
        var checkpoint = start;
        while (true)
        {
            var finished = writers.IsCompleted;
            var page = await journal.ReadAllAsync(checkpoint, 37, Cancel);
            for (var i = 0; i < page.Count; i++)
            {
                var previous = i == 0 ? checkpoint : page[i - 1].Position;
                Assert.True(page[i].Position > previous, $"read position {page[i].Position} after checkpoint {previous}");
            }
            tailed.AddRange(page);
            checkpoint = page.Count > 0 ? page[^1].Position : checkpoint;
            if (finished && page.Count == 0)
            {
                break;
            }
        }
        await writers;

        // Everything now stored after the start was seen by the tail: nothing became visible below a checkpoint.
        var whole = await journal.ReadAllAsync(start, All, Cancel);
        Assert.Equal(whole, tailed);
        Assert.Equal(48 * (4 * (1 + 2 + 3)), tailed.Count(r => streams.Contains(r.StreamId)));
    }
}
