using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.Queues;
using ContactCenter.Contracts.Queues.Events;
using ContactCenter.Contracts.Routing;
using ContactCenter.Grains.Queues;
using static ContactCenter.Grains.Tests.Queues.QueueBuild;

namespace ContactCenter.Grains.Tests.Queues;

/// <summary>The queue's rules and state fold, without a cluster.</summary>
public sealed class QueueRulesTests
{
    private static readonly QueueState Empty = QueueState.Initial;

    [Fact]
    public void Work_gets_queue_priority_plus_caller_boost_and_the_queue_skills_merged_with_its_own()
    {
        var request = Call("c1", boost: 5) with
        {
            RequiredSkills = [new SkillRequirement("english", 6), new SkillRequirement("billing", 2)],
        };

        var decision = QueueRules.Enqueue(Empty, QueueId, Queue(), request, At(3));

        var work = Assert.IsType<WorkQueued>(Assert.Single(decision.Events)).Work;
        Assert.Equal((10, 5, 15), (work.QueuePriority, work.CallerBoost, work.Priority));
        Assert.Equal(At(3), work.ArrivedAt);
        Assert.Equal([new SkillRequirement("english", 6), new SkillRequirement("billing", 2)], work.RequiredSkills);
        var state = Empty.Then(decision);
        Assert.Equal(1, state.Counters.Offered);
        Assert.Equal(1, state.Find("c1")!.Sequence);
    }

    [Fact]
    public void Waiting_order_is_priority_then_arrival_and_a_duplicate_is_refused()
    {
        var queue = Queue();
        var state = Empty.Enqueued(queue, ("c1", 1), ("c2", 2));
        state = state.Then(QueueRules.Enqueue(state, QueueId, queue, Call("vip", boost: 1), At(3)));
        state = state.Enqueued(queue, ("c3", 3));

        Assert.Equal(["vip", "c1", "c2", "c3"], state.Order());
        Assert.Equal(QueueCommandError.AlreadyQueued, QueueRules.Enqueue(state, QueueId, queue, Call("c2"), At(4)).Error);
        Assert.Equal(QueueCommandError.QueueNotFound, QueueRules.Enqueue(state, QueueId, null, Call("c9"), At(4)).Error);
    }

    [Fact]
    public void Work_arriving_while_closed_is_closed_out_with_the_closed_action_and_never_queued()
    {
        var target = new RoutingTarget(RoutingTargetKind.ExternalNumber, "+48100200300");
        var queue = Queue() with
        {
            BusinessHours = [new WeekdayHours(DayOfWeek.Monday, new TimeRange(new TimeOnly(9, 0), new TimeOnly(17, 0)))],
            ClosedAction = new ClosedAction(ClosedActionKind.Forward, "closed", target),
        };

        var early = QueueRules.Enqueue(Empty, QueueId, queue, Call("c1"), T0.AddMinutes(-1));
        var state = Empty.Then(early);

        Assert.Equal(new ClosedAction(ClosedActionKind.Forward, "closed", target), Assert.IsType<WorkClosedOut>(Assert.Single(early.Events)).Action);
        Assert.Equal(0, state.Waiting.Count);
        Assert.Equal((0, 1), (state.Counters.Offered, state.Counters.ClosedOnArrival));
        Assert.IsType<WorkQueued>(Assert.Single(QueueRules.Enqueue(Empty, QueueId, queue, Call("c1"), T0).Events));
    }

    [Fact]
    public void A_queue_length_rule_overflows_on_arrival_and_counts_offered_and_overflowed()
    {
        var target = new RoutingTarget(RoutingTargetKind.Queue, "backup");
        var queue = Queue() with { Overflow = [new OverflowRule { Condition = OverflowCondition.QueueLength, Target = target, MaxLength = 2 }] };
        var state = Empty.Enqueued(queue, ("c1", 1), ("c2", 2));

        var decision = QueueRules.Enqueue(state, QueueId, queue, Call("c3"), At(3));
        state = state.Then(decision);

        Assert.Equal(target, decision.Find<WorkOverflowed>()!.Target);
        Assert.Equal(["c1", "c2"], state.Order());
        Assert.Equal((3, 1), (state.Counters.Offered, state.Counters.Overflowed));
    }

    [Fact]
    public void A_wait_time_rule_fires_at_its_deadline_for_waiting_work_but_not_for_work_being_offered()
    {
        var target = new RoutingTarget(RoutingTargetKind.Agent, "supervisor");
        var queue = Queue() with
        {
            Overflow = [new OverflowRule { Condition = OverflowCondition.WaitTime, Target = target, MaxWait = TimeSpan.FromSeconds(60) }],
        };
        var state = Empty.Enqueued(queue, ("c1", 0), ("c2", 10), ("c3", 20));
        state = state.Then(QueueRules.Offer(state, "c2", "a1", Decision(state.Find("c2")!), [], At(30)));

        Assert.Equal(At(60), QueueRules.NextOverflowDeadline(state, queue));
        Assert.Empty(QueueRules.EvaluateOverflow(state, queue, At(59)).Events);
        var decision = QueueRules.EvaluateOverflow(state, queue, At(60));
        state = state.Then(decision);
        Assert.Equal(("c1", TimeSpan.FromSeconds(60), target), (decision.Find<WorkOverflowed>()!.WorkId,
            decision.Find<WorkOverflowed>()!.Waited, decision.Find<WorkOverflowed>()!.Target));
        Assert.Single(decision.Events);
        Assert.Equal(At(80), QueueRules.NextOverflowDeadline(state, queue));
        state = state.Then(QueueRules.EvaluateOverflow(state, queue, At(80)));

        Assert.Equal(["c2"], state.Order());
        Assert.Equal(2, state.Counters.Overflowed);
        Assert.Null(QueueRules.NextOverflowDeadline(state, queue));
    }

    [Fact]
    public void Answers_count_within_and_beyond_the_sla_and_only_the_offered_agent_may_answer()
    {
        var queue = Queue();
        var state = Empty.Enqueued(queue, ("c1", 0), ("c2", 0));
        state = state.Then(QueueRules.Offer(state, "c1", "a1", Decision(state.Find("c1")!), [], At(5)));

        Assert.Equal(QueueCommandError.OfferedToAnotherAgent, QueueRules.Answer(state, "c1", "a2", queue.SlaThreshold, At(6)).Error);
        state = state.Then(QueueRules.Answer(state, "c1", "a1", queue.SlaThreshold, At(20)));
        state = state.Then(QueueRules.Answer(state, "c2", "a2", queue.SlaThreshold, At(21)));

        var counters = state.Counters;
        Assert.Equal((2, 2, 1), (counters.Offered, counters.Answered, counters.AnsweredWithinSla));
        Assert.Equal(TimeSpan.FromSeconds(41), counters.AnsweredWaitTotal);
        Assert.Equal(TimeSpan.FromSeconds(21), counters.LongestAnsweredWait);
        Assert.Equal(QueueCommandError.UnknownWork, QueueRules.Answer(state, "c1", "a1", queue.SlaThreshold, At(22)).Error);
    }

    [Fact]
    public void Abandon_removes_the_work_and_records_its_wait_and_the_agent_it_rang_at()
    {
        var queue = Queue();
        var state = Empty.Enqueued(queue, ("c1", 0), ("c2", 10));
        state = state.Then(QueueRules.Offer(state, "c2", "a1", Decision(state.Find("c2")!), [], At(12)));

        var ringing = QueueRules.Abandon(state, "c2", At(40));
        state = state.Then(ringing);
        state = state.Then(QueueRules.Abandon(state, "c1", At(45)));

        Assert.Equal("a1", ringing.Find<QueuedWorkAbandoned>()!.OfferedTo);
        Assert.Equal(0, state.Waiting.Count);
        Assert.Equal(2, state.Counters.Abandoned);
        Assert.Equal(TimeSpan.FromSeconds(75), state.Counters.AbandonedWaitTotal);
        Assert.Equal(TimeSpan.FromSeconds(45), state.Counters.LongestAbandonedWait);
        Assert.Equal(QueueCommandError.UnknownWork, QueueRules.Abandon(state, "c1", At(50)).Error);
    }

    [Fact]
    public void A_returned_offer_keeps_arrival_sequence_and_place_and_remembers_who_missed_it()
    {
        var queue = Queue();
        var state = Empty.Enqueued(queue, ("c1", 0), ("c2", 1), ("c3", 2));
        var before = state.Find("c1")!;
        state = state.Then(QueueRules.Offer(state, "c1", "a1", Decision(before), [], At(3)));
        Assert.Equal(["c2", "c3"], state.Waiting.NotOffered().Select(w => w.Id));

        Assert.Equal(QueueCommandError.OfferedToAnotherAgent, QueueRules.ReturnOffer(state, "c1", "a2", ReleaseReason.NoAnswer, At(18)).Error);
        state = state.Then(QueueRules.ReturnOffer(state, "c1", "a1", ReleaseReason.NoAnswer, At(18)));
        Assert.Empty(QueueRules.ReturnOffer(state, "c1", "a1", ReleaseReason.NoAnswer, At(19)).Events);

        var after = state.Find("c1")!;
        Assert.Equal(["c1", "c2", "c3"], state.Order());
        Assert.Equal((before.ArrivedAt, before.Sequence), (after.ArrivedAt, after.Sequence));
        Assert.Equal(["a1"], after.MissedBy);
        Assert.Null(state.Waiting.OfferedTo("c1"));
        Assert.Equal(1, state.Counters.OffersReturned);

        state = state.Then(QueueRules.Offer(state, "c1", "a2", Decision(after), [], At(20)));
        state = state.Then(QueueRules.ReturnOffer(state, "c1", "a2", ReleaseReason.Withdrawn, At(21)));
        Assert.Equal(["a1"], state.Find("c1")!.MissedBy);
    }

    [Fact]
    public void Agents_join_and_leave_idempotently_and_the_last_one_leaving_fires_a_no_agent_rule()
    {
        var target = new RoutingTarget(RoutingTargetKind.Queue, "backup");
        var queue = Queue() with { Overflow = [new OverflowRule { Condition = OverflowCondition.NoAgentLoggedIn, Target = target }] };
        var state = Empty.Then(QueueRules.AgentJoined(Empty, "b", At(0)));
        state = state.Then(QueueRules.AgentJoined(state, "a", At(0)));
        Assert.Empty(QueueRules.AgentJoined(state, "a", At(1)).Events);
        Assert.Equal(["a", "b"], state.Agents);
        state = state.Enqueued(queue, ("c1", 2));

        state = state.Then(QueueRules.AgentLeft(state, "a", At(3)));
        Assert.Empty(QueueRules.EvaluateOverflow(state, queue, At(3)).Events);
        state = state.Then(QueueRules.AgentLeft(state, "b", At(4)));
        Assert.Empty(QueueRules.AgentLeft(state, "b", At(4)).Events);
        state = state.Then(QueueRules.EvaluateOverflow(state, queue, At(4)));

        Assert.Empty(state.Agents);
        Assert.Equal(0, state.Waiting.Count);
        Assert.Equal(1, state.Counters.Overflowed);
    }

    [Fact]
    public void Sticky_callers_are_held_for_their_agent_for_the_queue_sticky_wait_only()
    {
        var request = Call("c1") with { StickyAgentId = "a7" };
        var plain = Assert.IsType<WorkQueued>(QueueRules.Enqueue(Empty, QueueId, Queue(), request, At(0)).Events[0]).Work;
        var sticky = Assert.IsType<WorkQueued>(QueueRules.Enqueue(Empty, QueueId,
            Queue() with { StickyWait = TimeSpan.FromSeconds(30) }, request, At(0)).Events[0]).Work;

        Assert.Null(plain.StickyAgentId);
        Assert.Equal(("a7", At(30)), (sticky.StickyAgentId, sticky.StickyUntil));
    }

    [Fact]
    public void The_snapshot_shows_waits_positions_offers_and_the_longest_current_wait()
    {
        var queue = Queue();
        var state = Empty.Enqueued(queue, ("c1", 0), ("c2", 30));
        state = state.Then(QueueRules.Offer(state, "c2", "a1", Decision(state.Find("c2")!), [], At(31)));

        var snapshot = state.ToSnapshot(QueueId, 3, At(60));

        Assert.Equal([("c1", 0, TimeSpan.FromSeconds(60), (string?)null), ("c2", 1, TimeSpan.FromSeconds(30), "a1")],
            snapshot.Waiting.Select(w => (w.Work.Id, w.Position, w.Waited, w.OfferedTo)));
        Assert.Equal(TimeSpan.FromSeconds(60), snapshot.LongestCurrentWait);
    }

    [Fact]
    public void The_state_survives_a_json_round_trip_with_sequences_offers_and_missed_by()
    {
        var queue = Queue();
        var state = Empty.Enqueued(queue, ("c1", 0), ("c2", 1), ("c3", 2));
        state = state.Then(QueueRules.AgentJoined(state, "a1", At(3)));
        state = state.Then(QueueRules.Offer(state, "c1", "a1", Decision(state.Find("c1")!), [], At(3)));
        state = state.Then(QueueRules.ReturnOffer(state, "c1", "a1", ReleaseReason.Declined, At(4)));
        state = state.Then(QueueRules.Offer(state, "c2", "a1", Decision(state.Find("c2")!), [], At(5)));
        state = state.Then(QueueRules.Abandon(state, "c3", At(6)));
        var options = new JsonSerializerOptions
        {
            TypeInfoResolver = JsonTypeInfoResolver.Combine(QueueGrainJsonContext.Default, QueueJsonContext.Default),
        };

        var json = JsonSerializer.Serialize(new QueueJournalState { Current = state }, options);
        var restored = JsonSerializer.Deserialize<QueueJournalState>(json, options)!.Current;

        Assert.Equal(JsonSerializer.Serialize(state.ToSnapshot(QueueId, 1, At(9)), options),
            JsonSerializer.Serialize(restored.ToSnapshot(QueueId, 1, At(9)), options));
        Assert.Equal(state.Waiting.NextSequence, restored.Waiting.NextSequence);
        restored = restored.Enqueued(queue, ("c4", 10));
        Assert.Equal(4, restored.Find("c4")!.Sequence);
    }

    private static PushDecision Decision(WorkItem work) =>
        new(new PushInput(work, SelectionStrategy.LongestIdle, [], work.ArrivedAt), RoutingRule.RankedAgents, "a1", []);
}
