using System.Text.Json;
using ContactCenter.Actors;
using ContactCenter.Contracts.Queues;
using ContactCenter.Contracts.Queues.Events;
using ContactCenter.Grains.Routing;
using ContactCenter.TestSupport;
using static ContactCenter.Grains.Tests.Queues.QueueBuild;

namespace ContactCenter.Grains.Tests.Queues;

/// <summary>The queue grain's journal: recorded routing decisions replay, and a journal snapshot restores the state.</summary>
public sealed class QueueJournalTests(QueueClusterFixture fixture) : IClassFixture<QueueClusterFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private static readonly JsonSerializerOptions Options = new() { TypeInfoResolver = QueueJsonContext.Default };

    [Fact]
    public async Task Every_offer_is_journaled_with_its_inputs_and_replaying_them_gives_the_same_decision()
    {
        var queue = fixture.NewQueue(out var queueId);
        var first = await fixture.LoggedInAgentAsync(queueId, "first");
        fixture.Time.Advance(TimeSpan.FromSeconds(5));
        var second = await fixture.LoggedInAgentAsync(queueId, "second");
        await queue.AgentJoinedAsync(first.GetPrimaryKeyString());
        await queue.AgentJoinedAsync(second.GetPrimaryKeyString());
        await queue.EnqueueAsync(Call("c1"));
        await queue.EnqueueAsync(Call("c2"));

        var records = await fixture.Journal.ReadStreamAsync(
            new GrainId(typeof(IQueueGrain).FullName!, queueId).ToString(), 0, 100, TestContext.Current.CancellationToken);
        var offers = records.Select(r => JsonSerializer.Deserialize<QueueEvent>(r.Json, Options)).OfType<WorkOffered>().ToList();

        Assert.Equal([("c1", first.GetPrimaryKeyString()), ("c2", second.GetPrimaryKeyString())], offers.Select(o => (o.WorkId, o.AgentId)));
        Assert.All(offers, offer =>
        {
            Assert.Equal(offer.AgentId, offer.Decision.ChosenAgentId);
            Assert.Equal(JsonSerializer.Serialize(offer.Decision, Options),
                JsonSerializer.Serialize(PushRouter.Decide(offer.Decision.Input), Options));
        });
        Assert.Equal(2, offers[0].Decision.Candidates.Count(c => c.Rank > 0));
        Assert.Equal(1, offers[1].Decision.Candidates.Count(c => c.Rank > 0));
    }

    [Fact]
    public async Task An_arrival_offered_at_once_is_confirmed_with_its_offer_in_one_append()
    {
        var queue = fixture.NewQueue(out var queueId);
        var stream = new GrainId(typeof(IQueueGrain).FullName!, queueId).ToString();
        var agent = await fixture.LoggedInAgentAsync(queueId, "only");
        await queue.AgentJoinedAsync(agent.GetPrimaryKeyString());
        var before = fixture.Journal.AppendsTo(stream).Count;

        Assert.Equal(EnqueueOutcome.Offered, (await queue.EnqueueAsync(Call("c1"))).Outcome);
        Assert.Equal(EnqueueOutcome.Waiting, (await queue.EnqueueAsync(Call("c2"))).Outcome);

        Assert.Equal<IEnumerable<string>>([
            $"{nameof(WorkQueued)} {nameof(WorkOffered)}",
            nameof(WorkQueued),
        ], fixture.Journal.AppendsTo(stream).Skip(before).Select(types => string.Join(' ', types)));
    }

    [Fact]
    public async Task An_arrival_whose_append_fails_is_not_kept_by_the_queue()
    {
        var queue = fixture.NewQueue(out var queueId);
        var stream = new GrainId(typeof(IQueueGrain).FullName!, queueId).ToString();
        var agent = await fixture.LoggedInAgentAsync(queueId, "only");
        await queue.AgentJoinedAsync(agent.GetPrimaryKeyString());

        fixture.Journal.FailNextAppendTo(stream);
        await Assert.ThrowsAnyAsync<Exception>(() => queue.EnqueueAsync(Call("c1")));

        Assert.Empty((await queue.GetSnapshotAsync()).Waiting);
        // Queued again as new work (the agent may still hold its slot from the failed turn until its own deadline).
        Assert.Contains((await queue.EnqueueAsync(Call("c1"))).Outcome, new[] { EnqueueOutcome.Offered, EnqueueOutcome.Waiting });
    }

    [Fact]
    public async Task A_journal_snapshot_restores_the_same_waiting_list_and_counters()
    {
        var queue = fixture.NewQueue(out var queueId);
        var grainId = new GrainId(typeof(IQueueGrain).FullName!, queueId);
        for (var i = 0; i < 52; i++)
        {
            await queue.EnqueueAsync(Call($"c{i}", boost: i % 3));
        }
        for (var i = 0; i < 50; i++)
        {
            await queue.AbandonAsync($"c{i}");
        }
        var before = await queue.GetSnapshotAsync();

        for (var minute = 0; minute < 17; minute++)
        {
            fixture.Time.Advance(TimeSpan.FromMinutes(1));
        }
        await Eventually.TrueAsync(() => fixture.Cluster.HostOf(grainId) is null, Wait, $"{grainId} collected while idle");
        var snapshot = await fixture.Journal.ReadSnapshotAsync(grainId.ToString(), TestContext.Current.CancellationToken);
        var after = await queue.GetSnapshotAsync();

        Assert.NotNull(snapshot);
        Assert.Equal(100, snapshot.Version);
        Assert.Equal(102, after.Version);
        Assert.Equal(before.Waiting.Select(w => JsonSerializer.Serialize(w.Work, Options)),
            after.Waiting.Select(w => JsonSerializer.Serialize(w.Work, Options)));
        Assert.Equal(before.Counters, after.Counters);
        await queue.EnqueueAsync(Call("c52"));
        Assert.Equal(53, (await queue.GetSnapshotAsync()).Waiting.Single(w => w.Work.Id == "c52").Work.Sequence);
    }
}
