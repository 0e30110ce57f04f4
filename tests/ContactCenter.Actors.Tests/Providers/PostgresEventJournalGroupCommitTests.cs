using System.Text.Json.Nodes;
using ContactCenter.Actors.Postgres;

namespace ContactCenter.Actors.Tests.Providers;

/// <summary>Group commit of <see cref="PostgresEventJournal"/>: what goes in one batch, each append's own outcome in
/// it, the order of one stream's appends, cancellation before and after sending, and a batch failing whole. Each test
/// holds the journal's append lock so that a first batch waits in the database while the next one forms.</summary>
public sealed class PostgresEventJournalGroupCommitTests(PostgresProvidersFixture fixture) : IClassFixture<PostgresProvidersFixture>
{
    private const int All = 10_000;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string NewStream(string name) => $"{name}-{Guid.NewGuid():N}";

    private static EventData[] Events(string prefix, int count) =>
        [.. Enumerable.Range(1, count).Select(i => new EventData("Labelled", $$"""{"label":"{{prefix}}{{i}}"}"""))];

    private static string LabelOf(JournalRecord record) => JsonNode.Parse(record.Json)!["label"]!.GetValue<string>();

    private (PostgresEventJournal Journal, Npgsql.NpgsqlDataSource DataSource) Create()
    {
        var database = fixture.Require();
        return (new PostgresEventJournal(database.DataSource, fixture.Clock), database.DataSource);
    }

    [Fact]
    public async Task Appends_queued_while_a_batch_is_in_flight_are_committed_together_each_with_its_own_outcome()
    {
        var (journal, dataSource) = Create();
        var stale = NewStream("stale");
        await journal.AppendAsync(stale, 0, Events("base", 1), Cancel);
        var streams = Enumerable.Range(0, 20).Select(i => NewStream($"queued{i}")).ToArray();
        await using var held = await JournalAppendLockHolder.TakeAsync(dataSource, Cancel);

        var first = journal.AppendAsync(NewStream("first"), 0, Events("f", 1), Cancel);
        await held.WaitForWaiterAsync("first batch sent", Cancel);
        var queued = streams.Select((stream, i) => journal.AppendAsync(stream, 0, Events($"q{i}-", 2), Cancel)).ToArray();
        var conflict = journal.AppendAsync(stale, 0, Events("lost", 1), Cancel);
        await held.ReleaseAsync();

        Assert.Equal(1, await first);
        Assert.All(await Task.WhenAll(queued), version => Assert.Equal(2, version));
        var lost = await Assert.ThrowsAsync<InconsistentStateException>(() => conflict);
        Assert.Contains("stored version 1", lost.Message, StringComparison.Ordinal);
        Assert.Equal(["base1"], (await journal.ReadStreamAsync(stale, 0, All, Cancel)).Select(LabelOf));

        var records = new List<JournalRecord>();
        foreach (var stream in streams)
        {
            records.AddRange(await journal.ReadStreamAsync(stream, 0, All, Cancel));
        }
        // One transaction (now() is the transaction's start) with positions drawn append by append, in queue order.
        Assert.Single(records.Select(r => r.Timestamp).Distinct());
        Assert.Equal(Enumerable.Range(0, 40).Select(i => records[0].Position + i), records.Select(r => r.Position));
        Assert.Equal(streams.SelectMany((_, i) => new[] { $"q{i}-1", $"q{i}-2" }), records.Select(LabelOf));
    }

    [Fact]
    public async Task A_second_append_to_a_stream_waits_for_the_next_batch_and_keeps_its_order()
    {
        var (journal, dataSource) = Create();
        var stream = NewStream("ordered");
        var other = NewStream("other");
        await using var held = await JournalAppendLockHolder.TakeAsync(dataSource, Cancel);

        var first = journal.AppendAsync(NewStream("first"), 0, Events("f", 1), Cancel);
        await held.WaitForWaiterAsync("first batch sent", Cancel);
        var a = journal.AppendAsync(stream, 0, Events("a", 1), Cancel);
        var b = journal.AppendAsync(stream, 1, Events("b", 2), Cancel);
        var o = journal.AppendAsync(other, 0, Events("o", 1), Cancel);
        var c = journal.AppendAsync(stream, 3, Events("c", 1), Cancel);
        await held.ReleaseAsync();

        var versions = await Task.WhenAll(first, a, b, o, c);
        Assert.Equal([1L, 1, 3, 1, 4], versions);
        var records = await journal.ReadStreamAsync(stream, 0, All, Cancel);
        Assert.Equal(["a1", "b1", "b2", "c1"], records.Select(LabelOf));
        var otherRecord = Assert.Single(await journal.ReadStreamAsync(other, 0, All, Cancel));
        // a and o went in one batch; b and c each waited for a later one.
        Assert.Equal(records[0].Timestamp, otherRecord.Timestamp);
        Assert.Equal(3, new[] { records[0].Timestamp, records[1].Timestamp, records[3].Timestamp }.Distinct().Count());
    }

    [Fact]
    public async Task An_append_cancelled_before_it_is_sent_is_removed_and_one_cancelled_after_keeps_its_real_outcome()
    {
        var (journal, dataSource) = Create();
        var sentStream = NewStream("sent");
        var removed = NewStream("removed");
        var kept = NewStream("kept");
        using var sentCancellation = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        using var queuedCancellation = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        await using var held = await JournalAppendLockHolder.TakeAsync(dataSource, Cancel);

        var sent = journal.AppendAsync(sentStream, 0, Events("s", 1), sentCancellation.Token);
        await held.WaitForWaiterAsync("first batch sent", Cancel);
        var cancelled = journal.AppendAsync(removed, 0, Events("r", 1), queuedCancellation.Token);
        var other = journal.AppendAsync(kept, 0, Events("k", 1), Cancel);
        await queuedCancellation.CancelAsync();
        await sentCancellation.CancelAsync();

        // Cancelled while its batch is still held in the database: only the queued one is taken back.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.False(sent.IsCompleted, "the sent append completed while its batch was still waiting for the append lock");
        await held.ReleaseAsync();

        Assert.Equal(1, await sent);
        Assert.Equal(1, await other);
        Assert.Equal(["s1"], (await journal.ReadStreamAsync(sentStream, 0, All, Cancel)).Select(LabelOf));
        Assert.Equal(["k1"], (await journal.ReadStreamAsync(kept, 0, All, Cancel)).Select(LabelOf));
        Assert.Empty(await journal.ReadStreamAsync(removed, 0, All, Cancel));
        Assert.Equal(1, await journal.AppendAsync(removed, 0, Events("again", 1), Cancel));
    }

    [Fact]
    public async Task A_batch_that_loses_its_connection_fails_every_append_in_it_with_that_error()
    {
        var (journal, dataSource) = Create();
        var streams = Enumerable.Range(0, 3).Select(i => NewStream($"failed{i}")).ToArray();
        await using var held = await JournalAppendLockHolder.TakeAsync(dataSource, Cancel);

        var first = journal.AppendAsync(NewStream("first"), 0, Events("f", 1), Cancel);
        var firstProcess = await held.WaitForWaiterAsync("first batch sent", Cancel);
        var queued = streams.Select(stream => journal.AppendAsync(stream, 0, Events("x", 2), Cancel)).ToArray();
        await held.TerminateAsync(firstProcess, Cancel);
        var firstError = await Record.ExceptionAsync(() => first);
        var secondProcess = await held.WaitForWaiterAsync("second batch sent", Cancel, except: firstProcess);
        await held.TerminateAsync(secondProcess, Cancel);
        var errors = new List<Exception>();
        foreach (var append in queued)
        {
            errors.Add(Assert.IsAssignableFrom<Npgsql.NpgsqlException>(await Record.ExceptionAsync(() => append)));
        }
        await held.ReleaseAsync();

        Assert.IsAssignableFrom<Npgsql.NpgsqlException>(firstError);
        Assert.All(errors, error => Assert.Same(errors[0], error));
        Assert.NotSame(firstError, errors[0]);
        foreach (var stream in streams)
        {
            Assert.Empty(await journal.ReadStreamAsync(stream, 0, All, Cancel));
        }
        var retried = await Task.WhenAll(streams.Select(stream => journal.AppendAsync(stream, 0, Events("y", 2), Cancel)));
        Assert.Equal([2L, 2, 2], retried);
    }
}
