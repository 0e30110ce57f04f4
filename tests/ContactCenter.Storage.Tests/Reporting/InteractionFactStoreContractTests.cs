using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Reporting;
using ContactCenter.Storage.Tests.Contacts;
using static ContactCenter.Storage.Tests.Reporting.SampleFacts;

namespace ContactCenter.Storage.Tests.Reporting;

/// <summary>The contract of <see cref="IInteractionFactStore"/>, written once and run per store: saves are
/// compare-and-swaps on the position that store nothing when stale, facts are upserted by id and round-trip whole,
/// and queries filter by period, queue and agent in (start time, id) order with keyset pages. The store holds one
/// position, so every test starts from an empty store (tests of a class run one at a time). Times are whole
/// milliseconds: PostgreSQL orders by microseconds, .NET by 100 ns ticks.</summary>
public abstract class InteractionFactStoreContractTests
{
    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>An empty store at position 0 that no other running test touches.</summary>
    protected abstract Task<IInteractionFactStore> CreateAsync();

    private static InteractionQuery Day(string? queueId = null, string? agentId = null, int limit = 1000) =>
        new() { From = At(0), To = At(24 * 60), QueueId = queueId, AgentId = agentId, Limit = limit };

    [Fact]
    public async Task An_empty_store_is_at_position_zero_and_holds_nothing()
    {
        var store = await CreateAsync();

        Assert.Equal(0, await store.GetPositionAsync(Cancel));
        Assert.Empty(await store.GetAsync(["a", "b"], Cancel));
        Assert.Empty(await store.QueryAsync(new InteractionQuery { From = DateTimeOffset.MinValue, To = DateTimeOffset.MaxValue }, Cancel));
    }

    [Fact]
    public async Task A_save_from_the_stored_position_stores_the_facts_and_moves_the_position()
    {
        var store = await CreateAsync();
        var first = Fact("call-1", At(1), "sales");
        var second = Full("call-2", At(2));

        Assert.True(await store.SaveAsync([first, second], 0, 10, Cancel));
        Assert.Equal(10, await store.GetPositionAsync(Cancel));
        Assert.True(await store.SaveAsync([], 10, 12, Cancel));

        Assert.Equal(12, await store.GetPositionAsync(Cancel));
        Equal([first, second], await store.QueryAsync(Day(), Cancel));
    }

    [Fact]
    public async Task A_save_from_another_position_stores_nothing_and_returns_false()
    {
        var store = await CreateAsync();
        var stored = Fact("call-1", At(1), "sales");
        await store.SaveAsync([stored], 0, 5, Cancel);

        Assert.False(await store.SaveAsync([Fact("call-2", At(2))], 0, 6, Cancel));
        Assert.False(await store.SaveAsync([Fact("call-3", At(3))], 4, 6, Cancel));
        Assert.False(await store.SaveAsync([stored with { QueueId = "support" }], 6, 7, Cancel));

        Assert.Equal(5, await store.GetPositionAsync(Cancel));
        Equal([stored], await store.QueryAsync(Day(), Cancel));
    }

    [Fact]
    public async Task Every_member_of_a_fact_round_trips()
    {
        var store = await CreateAsync();
        var full = Full("full", At(1, 1));
        var abandoned = Abandoned("abandoned", At(2, 999));
        var bare = Fact("bare", At(3, 7));

        await store.SaveAsync([full, abandoned, bare], 0, 1, Cancel);
        var found = await store.GetAsync([full.Id, abandoned.Id, bare.Id], Cancel);

        Equal(full, found[full.Id]);
        Equal(abandoned, found[abandoned.Id]);
        Equal(bare, found[bare.Id]);
        Assert.Equal(
            (full.QueueWait, full.TalkTime, full.WrapUpTime, full.IsAnswered, full.IsEnded),
            (found[full.Id].QueueWait, found[full.Id].TalkTime, found[full.Id].WrapUpTime, found[full.Id].IsAnswered, found[full.Id].IsEnded));
    }

    [Fact]
    public async Task A_save_replaces_a_stored_fact_by_id_and_queries_follow_the_new_keys()
    {
        var store = await CreateAsync();
        var full = Full("call-1", At(1));
        var other = Fact("call-2", At(2), "sales");
        await store.SaveAsync([full, other], 0, 1, Cancel);

        var replaced = Abandoned(full.Id, At(3)) with { QueueId = "billing", AgentId = null };
        Assert.True(await store.SaveAsync([replaced], 1, 2, Cancel));

        Equal(replaced, (await store.GetAsync([full.Id], Cancel))[full.Id]);
        Equal([other, replaced], await store.QueryAsync(Day(), Cancel));
        Assert.Empty(await store.QueryAsync(Day(queueId: full.QueueId), Cancel));
        Assert.Empty(await store.QueryAsync(Day(agentId: full.AgentId), Cancel));
        Equal([replaced], await store.QueryAsync(Day(queueId: "billing"), Cancel));

        var restored = full with { Notes = [.. full.Notes, new CallNote(At(20), "agent-3", "Called back")] };
        Assert.True(await store.SaveAsync([restored], 2, 3, Cancel));
        Equal(restored, (await store.GetAsync([full.Id], Cancel))[full.Id]);
    }

    [Fact]
    public async Task The_last_fact_of_an_id_in_one_save_wins()
    {
        var store = await CreateAsync();
        var first = Fact("call-1", At(1), "sales");
        var last = first with { QueueId = "support", Version = 2 };

        Assert.True(await store.SaveAsync([first, Fact("call-2", At(2)), last], 0, 1, Cancel));

        Equal(last, (await store.GetAsync([first.Id], Cancel))[first.Id]);
        Assert.Equal(["call-1", "call-2"], Ids(await store.QueryAsync(Day(), Cancel)));
    }

    [Fact]
    public async Task Getting_returns_the_stored_facts_among_the_ids_only()
    {
        var store = await CreateAsync();
        var facts = Enumerable.Range(1, 5).Select(i => Fact($"call-{i}", At(i))).ToList();
        await store.SaveAsync(facts, 0, 1, Cancel);

        var found = await store.GetAsync(["call-2", "missing", "call-4", "call-2", "CALL-3"], Cancel);

        Assert.Equal(["call-2", "call-4"], found.Keys.Order(StringComparer.Ordinal));
        Equal(facts[1], found["call-2"]);
        Equal(facts[3], found["call-4"]);
        Assert.Empty(await store.GetAsync([], Cancel));
    }

    [Fact]
    public async Task A_query_keeps_the_facts_started_from_its_start_inclusive_to_its_end_exclusive()
    {
        var store = await CreateAsync();
        await store.SaveAsync(
        [
            Fact("before", At(59, 999)),
            Fact("from", At(60)),
            Fact("inside", At(90)),
            Fact("last", At(119, 999)),
            Fact("to", At(120)),
            Fact("after", At(121)),
        ], 0, 1, Cancel);

        var hour = await store.QueryAsync(new InteractionQuery { From = At(60), To = At(120) }, Cancel);
        // The bounds are instants: the same hour in UTC selects the same facts.
        var utc = await store.QueryAsync(
            new InteractionQuery { From = At(60).ToUniversalTime(), To = At(120).ToOffset(TimeSpan.FromHours(9)) }, Cancel);

        Assert.Equal(["from", "inside", "last"], Ids(hour));
        Assert.Equal(["from", "inside", "last"], Ids(utc));
        Assert.Empty(await store.QueryAsync(new InteractionQuery { From = At(120), To = At(60) }, Cancel));
    }

    [Fact]
    public async Task A_query_filters_by_last_queue_and_by_agent()
    {
        var store = await CreateAsync();
        await store.SaveAsync(
        [
            Fact("sales-anna", At(1), "sales", "anna") with { FirstQueueId = "support" },
            Fact("sales-none", At(2), "sales"),
            Fact("support-anna", At(3), "support", "anna"),
            Fact("support-bob", At(4), "support", "bob") with { FirstQueueId = "sales" },
            Fact("none-bob", At(5), null, "bob"),
            Fact("none-none", At(6)),
        ], 0, 1, Cancel);

        Assert.Equal(["sales-anna", "sales-none"], Ids(await store.QueryAsync(Day(queueId: "sales"), Cancel)));
        Assert.Equal(["sales-anna", "support-anna"], Ids(await store.QueryAsync(Day(agentId: "anna"), Cancel)));
        Assert.Equal(["support-bob"], Ids(await store.QueryAsync(Day("support", "bob"), Cancel)));
        Assert.Empty(await store.QueryAsync(Day("sales", "bob"), Cancel));
        Assert.Empty(await store.QueryAsync(Day(queueId: "SALES"), Cancel));
        Assert.Equal(6, (await store.QueryAsync(Day(), Cancel)).Count);
    }

    [Fact]
    public async Task A_query_orders_by_start_time_then_id_byte_wise()
    {
        var store = await CreateAsync();
        // Saved out of order; ids compare ordinally (upper case before lower case, "a10" before "a9").
        await store.SaveAsync(
        [
            Fact("b", At(5)),
            Fact("a9", At(5)),
            Fact("late", At(6)),
            Fact("B", At(5)),
            Fact("a10", At(5)),
            Fact("z", At(4, 999)),
            Fact("a", At(5, 1)),
        ], 0, 1, Cancel);

        Assert.Equal(["z", "B", "a10", "a9", "b", "a", "late"], Ids(await store.QueryAsync(Day(), Cancel)));
        Assert.Equal(["z", "B", "a10"], Ids(await store.QueryAsync(Day(limit: 3), Cancel)));
        Assert.Empty(await store.QueryAsync(Day(limit: 0), Cancel));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(50)]
    public async Task Pages_of_a_query_visit_every_matching_fact_once_in_order(int limit)
    {
        var store = await CreateAsync();
        // 52 facts: groups of up to five share a start time, ids are not in start-time order, two queues alternate.
        var facts = Enumerable.Range(0, 52)
            .Select(i => Fact($"call-{(i * 37) % 52:D2}-{i % 3}", At(i / 5, i % 2 == 0 ? 0 : 500 * (i % 4 / 2)), i % 2 == 0 ? "sales" : "support"))
            .ToList();
        await store.SaveAsync(facts, 0, 1, Cancel);
        var expected = facts.OrderBy(f => f.StartedAt).ThenBy(f => f.Id, StringComparer.Ordinal).ToList();

        Equal(expected, await ReadAllAsync(store, Day(limit: limit)));
        Equal(expected.Where(f => f.QueueId == "support"), await ReadAllAsync(store, Day(queueId: "support", limit: limit)));
        Equal(expected.Where(f => f.StartedAt >= At(3) && f.StartedAt < At(8)),
            await ReadAllAsync(store, new InteractionQuery { From = At(3), To = At(8), Limit = limit }));
    }

    [Fact]
    public async Task A_page_continues_after_a_position_that_is_not_a_stored_fact()
    {
        var store = await CreateAsync();
        await store.SaveAsync([Fact("a", At(1)), Fact("c", At(1)), Fact("b", At(2))], 0, 1, Cancel);

        var page = await store.QueryAsync(Day() with { After = (At(1), "b") }, Cancel);

        Assert.Equal(["c", "b"], Ids(page));
    }

    [Fact]
    public async Task Reset_deletes_every_fact_and_sets_the_position_to_zero()
    {
        var store = await CreateAsync();
        await store.SaveAsync([Full("call-1", At(1)), Fact("call-2", At(2))], 0, 42, Cancel);

        await store.ResetAsync(Cancel);

        Assert.Equal(0, await store.GetPositionAsync(Cancel));
        Assert.Empty(await store.GetAsync(["call-1", "call-2"], Cancel));
        Assert.Empty(await store.QueryAsync(Day(), Cancel));
        Assert.False(await store.SaveAsync([Fact("stale", At(3))], 42, 43, Cancel));
        Assert.True(await store.SaveAsync([Fact("rebuilt", At(4))], 0, 3, Cancel));
        Assert.Equal(["rebuilt"], Ids(await store.QueryAsync(Day(), Cancel)));
    }

    [Fact]
    public async Task Concurrent_saves_from_one_position_have_exactly_one_winner()
    {
        var store = await CreateAsync();
        await store.SaveAsync([Fact("shared", At(0))], 0, 10, Cancel);

        var results = await AllAtOnce.RunAsync(8, i => store.SaveAsync(
            [Fact("shared", At(0), $"queue-{i}"), Fact($"own-{i}", At(1))], 10, 20 + i, Cancel), Cancel);

        Assert.All(results, r => Assert.Null(r.Error));
        var winner = Assert.Single(Enumerable.Range(0, results.Length), i => results[i].Result);
        Assert.Equal(20 + winner, await store.GetPositionAsync(Cancel));
        Assert.Equal(["shared", $"own-{winner}"], Ids(await store.QueryAsync(Day(), Cancel)));
        Assert.Equal($"queue-{winner}", (await store.GetAsync(["shared"], Cancel))["shared"].QueueId);
    }

    private static async Task<List<InteractionFact>> ReadAllAsync(IInteractionFactStore store, InteractionQuery query)
    {
        var all = new List<InteractionFact>();
        for (var pages = 0; ; pages++)
        {
            Assert.True(pages <= 60, $"more than 60 pages of {query.Limit} for {query}");
            var page = await store.QueryAsync(query, Cancel);
            Assert.True(page.Count <= query.Limit, $"page {pages} has {page.Count} facts, more than {query.Limit}");
            all.AddRange(page);
            if (page.Count < query.Limit)
            {
                return all;
            }
            query = query with { After = (page[^1].StartedAt, page[^1].Id) };
        }
    }
}
