namespace ContactCenter.Actors.Tests.Providers;

public abstract partial class EventJournalContractTests
{
    [Fact]
    public async Task Reading_the_latest_of_a_new_stream_finds_no_snapshot_and_no_events()
    {
        var (journal, _) = await CreateAsync();

        var (snapshot, records) = await journal.ReadLatestAsync(NewStream("fresh"), 100, Cancel);

        Assert.Null(snapshot);
        Assert.Empty(records);
    }

    [Fact]
    public async Task Reading_the_latest_without_a_snapshot_gives_the_first_events_in_version_order()
    {
        var (journal, _) = await CreateAsync();
        var stream = NewStream("latest");
        await journal.AppendAsync(stream, 0, Events("e", 5), Cancel);

        var (snapshot, records) = await journal.ReadLatestAsync(stream, 3, Cancel);

        Assert.Null(snapshot);
        Assert.Equal([1L, 2L, 3L], records.Select(r => r.Version));
        Assert.Equal(["e1", "e2", "e3"], records.Select(LabelOf));
        Assert.All(records, r => Assert.Equal(stream, r.StreamId));
    }

    [Fact]
    public async Task Reading_the_latest_gives_the_snapshot_and_the_events_after_its_version()
    {
        var (journal, _) = await CreateAsync();
        var stream = NewStream("latest");
        await journal.AppendAsync(stream, 0, Events("e", 7), Cancel);
        await journal.WriteSnapshotAsync(stream, 3, """{"v":3}""", Cancel);
        var expected = await journal.ReadStreamAsync(stream, 3, 2, Cancel);

        var (snapshot, records) = await journal.ReadLatestAsync(stream, 2, Cancel);

        Assert.NotNull(snapshot);
        Assert.Equal(3, snapshot.Version);
        JsonAssert.Equal("""{"v":3}""", snapshot.StateJson);
        Assert.Equal(expected, records);
    }
}
