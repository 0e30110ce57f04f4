using System.Text.Json;
using ContactCenter.Actors;
using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.Queues;
using ContactCenter.Contracts.Routing;
using ContactCenter.TestSupport;
using static ContactCenter.Grains.Tests.Queues.QueueBuild;

namespace ContactCenter.Grains.Tests.Queues;

/// <summary>The queue grain on an in-process cluster with fake time: push routing through the agents' arbiters, the
/// waiting order, abandon and re-queue, concurrency and the journal across deactivation.</summary>
public sealed class QueueGrainTests(QueueClusterFixture fixture) : IClassFixture<QueueClusterFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private FakeTimeProvider Time => fixture.Time;

    [Fact]
    public async Task Work_is_offered_to_the_longest_idle_eligible_agent_through_its_arbiter()
    {
        var queue = fixture.NewQueue(out var queueId);
        var first = await fixture.LoggedInAgentAsync(queueId, "first");
        Time.Advance(TimeSpan.FromMinutes(1));
        var second = await fixture.LoggedInAgentAsync(queueId, "second");
        await queue.AgentJoinedAsync(second.GetPrimaryKeyString());
        await queue.AgentJoinedAsync($"ghost-{Guid.NewGuid():N}");
        await queue.AgentJoinedAsync(first.GetPrimaryKeyString());

        var result = await queue.EnqueueAsync(Call("c1"));

        Assert.Equal((EnqueueOutcome.Offered, first.GetPrimaryKeyString(), 0), (result.Outcome, result.OfferedTo, result.Position));
        var work = Assert.Single((await first.GetStatusAsync()).Work);
        Assert.Equal(("c1", AgentActivity.Reserved, queueId), (work.WorkId, work.Activity, work.QueueId));
        Assert.Empty((await second.GetStatusAsync()).Work);
        Assert.Equal(first.GetPrimaryKeyString(), Assert.Single((await queue.GetSnapshotAsync()).Waiting).OfferedTo);
    }

    [Fact]
    public async Task Without_a_ready_agent_work_waits_and_is_offered_when_an_agent_joins()
    {
        var queue = fixture.NewQueue(out var queueId);

        var result = await queue.EnqueueAsync(Call("c1"));
        Assert.Equal((EnqueueOutcome.Waiting, (string?)null, 0), (result.Outcome, result.OfferedTo, result.Position));
        var agent = await fixture.LoggedInAgentAsync(queueId, "late");
        Assert.True((await queue.AgentJoinedAsync(agent.GetPrimaryKeyString())).Changed);

        var snapshot = await queue.GetSnapshotAsync();
        Assert.Equal(agent.GetPrimaryKeyString(), Assert.Single(snapshot.Waiting).OfferedTo);
        Assert.Equal([agent.GetPrimaryKeyString()], snapshot.Agents);
        Assert.Equal("c1", Assert.Single((await agent.GetStatusAsync()).Work).WorkId);
    }

    [Fact]
    public async Task Equal_priority_work_is_served_first_in_first_out()
    {
        var queue = fixture.NewQueue(out var queueId);
        foreach (var id in new[] { "c1", "c2", "c3" })
        {
            await queue.EnqueueAsync(Call(id));
            Time.Advance(TimeSpan.FromSeconds(1));
        }
        Assert.Equal(["c1", "c2", "c3"], (await queue.GetSnapshotAsync()).Waiting.Select(w => w.Work.Id));

        var agent = await fixture.LoggedInAgentAsync(queueId, "fifo");
        await queue.AgentJoinedAsync(agent.GetPrimaryKeyString());

        var snapshot = await queue.GetSnapshotAsync();
        Assert.Equal([("c1", (string?)agent.GetPrimaryKeyString()), ("c2", null), ("c3", null)],
            snapshot.Waiting.Select(w => (w.Work.Id, w.OfferedTo)));
        Assert.Equal([TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1)], snapshot.Waiting.Select(w => w.Waited));
        Assert.Equal(TimeSpan.FromSeconds(3), snapshot.LongestCurrentWait);
    }

    [Fact]
    public async Task Higher_priority_work_jumps_the_line()
    {
        var queue = fixture.NewQueue(out var queueId);
        await queue.EnqueueAsync(Call("c1"));
        Time.Advance(TimeSpan.FromSeconds(1));
        await queue.EnqueueAsync(Call("c2"));
        Time.Advance(TimeSpan.FromSeconds(1));

        var vip = await queue.EnqueueAsync(Call("vip", boost: 5));
        Assert.Equal(0, vip.Position);
        var agent = await fixture.LoggedInAgentAsync(queueId, "prio");
        await queue.AgentJoinedAsync(agent.GetPrimaryKeyString());

        var snapshot = await queue.GetSnapshotAsync();
        Assert.Equal([("vip", 15), ("c1", 10), ("c2", 10)], snapshot.Waiting.Select(w => (w.Work.Id, w.Work.Priority)));
        Assert.Equal(agent.GetPrimaryKeyString(), snapshot.Waiting[0].OfferedTo);
    }

    [Fact]
    public async Task Abandon_removes_the_work_counts_it_with_its_wait_and_frees_the_agent_it_rang_at()
    {
        var queue = fixture.NewQueue(out var queueId);
        await queue.EnqueueAsync(Call("c1"));
        await queue.EnqueueAsync(Call("c2"));
        Time.Advance(TimeSpan.FromSeconds(30));
        Assert.True((await queue.AbandonAsync("c1")).Changed);
        var agent = await fixture.LoggedInAgentAsync(queueId, "ringing");
        await queue.AgentJoinedAsync(agent.GetPrimaryKeyString());
        Assert.True((await agent.RingAsync("c2")).Succeeded);
        Time.Advance(TimeSpan.FromSeconds(5));

        Assert.True((await queue.AbandonAsync("c2")).Changed);
        Assert.Equal(QueueCommandError.UnknownWork, (await queue.AbandonAsync("c2")).Error);

        var snapshot = await queue.GetSnapshotAsync();
        Assert.Empty(snapshot.Waiting);
        Assert.Equal((2, 2, 0), (snapshot.Counters.Offered, snapshot.Counters.Abandoned, snapshot.Counters.Answered));
        Assert.Equal(TimeSpan.FromSeconds(65), snapshot.Counters.AbandonedWaitTotal);
        Assert.Empty((await agent.GetStatusAsync()).Work);
    }

    [Fact]
    public async Task Work_returned_after_no_answer_keeps_its_place_ahead_of_later_arrivals()
    {
        var queue = fixture.NewQueue(out var queueId);
        var (first, second) = await TwoJoinedAgentsAsync(queue, queueId);
        Assert.Equal(first.GetPrimaryKeyString(), (await queue.EnqueueAsync(Call("c1"))).OfferedTo);
        Assert.Equal(second.GetPrimaryKeyString(), (await queue.EnqueueAsync(Call("c2"))).OfferedTo);
        Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(EnqueueOutcome.Waiting, (await queue.EnqueueAsync(Call("c3"))).Outcome);
        var arrived = (await queue.GetSnapshotAsync()).Waiting[0].Work;
        await first.RingAsync("c1");

        var returned = await queue.ReturnOfferAsync("c1", first.GetPrimaryKeyString(), ReleaseReason.NoAnswer);

        Assert.True(returned.Changed);
        var snapshot = await queue.GetSnapshotAsync();
        Assert.Equal([("c1", (string?)first.GetPrimaryKeyString()), ("c2", second.GetPrimaryKeyString()), ("c3", null)],
            snapshot.Waiting.Select(w => (w.Work.Id, w.OfferedTo)));
        var again = snapshot.Waiting[0].Work;
        Assert.Equal((arrived.ArrivedAt, arrived.Sequence), (again.ArrivedAt, again.Sequence));
        Assert.Equal([first.GetPrimaryKeyString()], again.MissedBy);
        Assert.Equal(1, snapshot.Counters.OffersReturned);
        Assert.Equal(1, (await first.GetStatusAsync()).Counters.Missed);
    }

    [Fact]
    public async Task A_returned_offer_goes_to_another_free_agent_before_the_one_who_missed_it()
    {
        var queue = fixture.NewQueue(out var queueId);
        var (first, second) = await TwoJoinedAgentsAsync(queue, queueId);
        Assert.Equal(first.GetPrimaryKeyString(), (await queue.EnqueueAsync(Call("c1"))).OfferedTo);

        await queue.ReturnOfferAsync("c1", first.GetPrimaryKeyString(), ReleaseReason.Declined);

        Assert.Equal(second.GetPrimaryKeyString(), Assert.Single((await queue.GetSnapshotAsync()).Waiting).OfferedTo);
        Assert.Empty((await first.GetStatusAsync()).Work);
        Assert.Equal(1, (await first.GetStatusAsync()).Counters.Declined);
        Assert.True((await queue.AnsweredAsync("c1", second.GetPrimaryKeyString())).Changed);
        var counters = (await queue.GetSnapshotAsync()).Counters;
        Assert.Equal((1, 1, 1), (counters.Offered, counters.Answered, counters.AnsweredWithinSla));
    }

    [Fact]
    public async Task An_offer_the_agent_let_lapse_goes_back_to_its_place_and_to_the_next_free_agent()
    {
        var queue = fixture.NewQueue(out var queueId);
        var first = await fixture.LoggedInAgentAsync(queueId, "first");
        Time.Advance(TimeSpan.FromMinutes(1));
        var second = await fixture.LoggedInAgentAsync(queueId, "second");
        await queue.AgentJoinedAsync(first.GetPrimaryKeyString());
        Assert.Equal(first.GetPrimaryKeyString(), (await queue.EnqueueAsync(Call("c1"))).OfferedTo);
        await first.RingAsync("c1");
        await queue.AgentJoinedAsync(second.GetPrimaryKeyString());

        Time.Advance(TimeSpan.FromSeconds(15));
        await Eventually.TrueAsync(async () => (await first.GetStatusAsync()).Work.IsEmpty, Wait,
            $"agent {first.GetPrimaryKeyString()}: c1 rang out after the queue's 15 s ring timeout");

        // The queue's offer check runs every ring timeout; a tick still running when time jumps again is skipped, so
        // fake time moves on in small steps until the check has seen the lapsed offer.
        await Eventually.TrueAsync(async () =>
        {
            Time.Advance(TimeSpan.FromSeconds(5));
            return (await queue.GetSnapshotAsync()).Waiting[0].OfferedTo == second.GetPrimaryKeyString();
        }, Wait, $"queue {queueId}: the lapsed offer of c1 re-offered to {second.GetPrimaryKeyString()}");
        var work = (await queue.GetSnapshotAsync()).Waiting[0].Work;
        Assert.Equal([first.GetPrimaryKeyString()], work.MissedBy);
        Assert.Equal(1, (await first.GetStatusAsync()).Counters.Missed);
    }

    [Fact]
    public async Task Concurrent_enqueues_from_many_callers_keep_one_consistent_count_and_one_offer_per_agent()
    {
        var queue = fixture.NewQueue(out var queueId);
        var agents = new[] { await fixture.LoggedInAgentAsync(queueId, "x"), await fixture.LoggedInAgentAsync(queueId, "y") };
        foreach (var agent in agents)
        {
            await queue.AgentJoinedAsync(agent.GetPrimaryKeyString());
        }

        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => queue.EnqueueAsync(Call($"c{i}"))));

        Assert.Equal(2, results.Count(r => r.Outcome == EnqueueOutcome.Offered));
        Assert.Equal(38, results.Count(r => r.Outcome == EnqueueOutcome.Waiting));
        var snapshot = await queue.GetSnapshotAsync();
        Assert.Equal(40, snapshot.Waiting.Length);
        Assert.Equal(40, snapshot.Counters.Offered);
        Assert.Equal(Enumerable.Range(1, 40).Select(i => (long)i), snapshot.Waiting.Select(w => w.Work.Sequence).Order());
        Assert.Equal(Enumerable.Range(0, 40), snapshot.Waiting.Select(w => w.Position));
        var offered = snapshot.Waiting.Where(w => w.OfferedTo is not null).Select(w => w.OfferedTo!).Order(StringComparer.Ordinal);
        Assert.Equal(agents.Select(a => a.GetPrimaryKeyString()).Order(StringComparer.Ordinal), offered);
        foreach (var agent in agents)
        {
            Assert.Single((await agent.GetStatusAsync()).Work);
        }
    }

    [Fact]
    public async Task Waiting_work_overflows_when_its_wait_time_rule_falls_due_on_the_queue_timer()
    {
        var target = new RoutingTarget(RoutingTargetKind.Queue, "backup");
        var queue = fixture.NewQueue(out var queueId, q => q with
        {
            Overflow = [new OverflowRule { Condition = OverflowCondition.WaitTime, Target = target, MaxWait = TimeSpan.FromSeconds(60) }],
        });
        await queue.EnqueueAsync(Call("c1"));
        Time.Advance(TimeSpan.FromSeconds(30));
        await queue.EnqueueAsync(Call("c2"));

        Time.Advance(TimeSpan.FromSeconds(30));
        await Eventually.TrueAsync(async () => (await queue.GetSnapshotAsync()).Counters.Overflowed == 1, Wait,
            $"queue {queueId}: c1 overflowed after 60 s");
        Assert.Equal(["c2"], (await queue.GetSnapshotAsync()).Waiting.Select(w => w.Work.Id));
        Time.Advance(TimeSpan.FromSeconds(30));
        await Eventually.TrueAsync(async () => (await queue.GetSnapshotAsync()).Waiting.IsEmpty, Wait,
            $"queue {queueId}: c2 overflowed after 60 s");
        Assert.Equal((2, 2), ((await queue.GetSnapshotAsync()).Counters.Offered, (await queue.GetSnapshotAsync()).Counters.Overflowed));
    }

    [Fact]
    public async Task Work_arriving_while_the_queue_is_closed_gets_the_closed_action_and_is_not_queued()
    {
        var today = Time.GetUtcNow().DayOfWeek;
        var action = new ClosedAction(ClosedActionKind.Announce, "closed-prompt");
        var queue = fixture.NewQueue(out _, q => q with
        {
            BusinessHours = [new WeekdayHours(today == DayOfWeek.Sunday ? DayOfWeek.Monday : DayOfWeek.Sunday,
                new TimeRange(new TimeOnly(9, 0), new TimeOnly(17, 0)))],
            ClosedAction = action,
        });

        var result = await queue.EnqueueAsync(Call("c1"));

        Assert.Equal((EnqueueOutcome.Closed, action), (result.Outcome, result.ClosedAction));
        var snapshot = await queue.GetSnapshotAsync();
        Assert.Empty(snapshot.Waiting);
        Assert.Equal((0, 1), (snapshot.Counters.Offered, snapshot.Counters.ClosedOnArrival));
    }

    [Fact]
    public async Task State_survives_deactivation_and_reactivation()
    {
        var queue = fixture.NewQueue(out var queueId);
        var grainId = new GrainId(typeof(IQueueGrain).FullName!, queueId);
        await queue.AgentJoinedAsync("absent-agent");
        await queue.EnqueueAsync(Call("c1"));
        Time.Advance(TimeSpan.FromSeconds(1));
        await queue.EnqueueAsync(Call("c2", boost: 3));
        await queue.EnqueueAsync(Call("c3"));
        await queue.AbandonAsync("c3");
        var before = await queue.GetSnapshotAsync();

        await CollectAsync(grainId);
        var after = await queue.GetSnapshotAsync();

        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.Waiting.Select(w => Json(w.Work)), after.Waiting.Select(w => Json(w.Work)));
        Assert.Equal(before.Agents, after.Agents);
        Assert.Equal(before.Counters, after.Counters);
        Assert.Equal(before.LongestCurrentWait + (after.At - before.At), after.LongestCurrentWait);
        Assert.Equal(2, (await queue.EnqueueAsync(Call("c4"))).Position);
        Assert.Equal(4, (await queue.GetSnapshotAsync()).Waiting[2].Work.Sequence);
    }

    private static string Json(WorkItem work) => JsonSerializer.Serialize(work, QueueJsonContext.Default.WorkItem);

    /// <summary>Lets the idle collector deactivate the grain: timers do not keep it alive.</summary>
    private async Task CollectAsync(GrainId grainId)
    {
        for (var minute = 0; minute < 17; minute++)
        {
            Time.Advance(TimeSpan.FromMinutes(1));
        }
        await Eventually.TrueAsync(() => fixture.Cluster.HostOf(grainId) is null, Wait, $"{grainId} collected while idle");
    }

    /// <summary>Two agents logged in to the queue, "first" idle a minute longer than "second", both joined.</summary>
    private async Task<(IAgentGrain First, IAgentGrain Second)> TwoJoinedAgentsAsync(IQueueGrain queue, string queueId)
    {
        var first = await fixture.LoggedInAgentAsync(queueId, "first");
        Time.Advance(TimeSpan.FromMinutes(1));
        var second = await fixture.LoggedInAgentAsync(queueId, "second");
        await queue.AgentJoinedAsync(first.GetPrimaryKeyString());
        await queue.AgentJoinedAsync(second.GetPrimaryKeyString());
        return (first, second);
    }
}
