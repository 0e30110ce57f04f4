using System.Collections.Immutable;
using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.Queues;
using ContactCenter.Contracts.Queues.Events;
using ContactCenter.Contracts.Routing;
using ContactCenter.Grains.Routing;

namespace ContactCenter.Grains.Queues;

public static partial class QueueRules
{
    /// <summary>The push input for one waiting item: the queue's strategy and the snapshots of its logged-in agents.</summary>
    public static PushInput PushInputFor(WorkItem work, Queue queue, ImmutableArray<AgentSnapshot> agents, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(queue);
        return new PushInput(work, queue.Strategy, agents, now);
    }

    /// <summary>The reservation the queue asks an agent's arbiter for: the queue's wrap-up and ring timeout.</summary>
    public static ReservationRequest ReservationFor(WorkItem work, Queue queue)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(queue);
        return new ReservationRequest
        {
            WorkId = work.Id,
            Medium = work.Medium,
            QueueId = work.QueueId,
            RequiredSkills = work.RequiredSkills,
            WrapUpTime = queue.WrapUpTime,
            RingTimeout = queue.RingTimeout,
        };
    }

    /// <summary>The agent's arbiter granted a slot: the work is offered to it (the decision is recorded with it).</summary>
    public static QueueDecision Offer(QueueState state, string workId, string agentId, PushDecision decision,
        ImmutableArray<string> refusedBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(decision);
        if (state.Find(workId) is null)
        {
            return QueueDecision.Fail(QueueCommandError.UnknownWork, $"work {workId} is not waiting");
        }
        if (state.Waiting.OfferedTo(workId) is { } holder)
        {
            return holder == agentId
                ? QueueDecision.NoChange($"work {workId} is already offered to {agentId}")
                : QueueDecision.Fail(QueueCommandError.OfferedToAnotherAgent, $"work {workId} is offered to {holder}");
        }
        return QueueDecision.Emit(new WorkOffered(now, workId, agentId, decision, refusedBy.IsDefault ? [] : refusedBy));
    }

    /// <summary>Whether the agent's pull round may claim the work: it waits, is not offered and is not held for
    /// another agent. Null when it may; otherwise the refusal.</summary>
    public static QueueDecision? CheckClaim(QueueState state, string workId, string agentId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Find(workId) is not { } work)
        {
            return QueueDecision.Fail(QueueCommandError.UnknownWork, $"work {workId} is not waiting");
        }
        if (state.Waiting.OfferedTo(workId) is { } holder)
        {
            return holder == agentId
                ? QueueDecision.NoChange($"work {workId} is already offered to {agentId}")
                : QueueDecision.Fail(QueueCommandError.OfferedToAnotherAgent, $"work {workId} is offered to {holder}");
        }
        return work.IsHeldAt(now) && work.StickyAgentId != agentId
            ? QueueDecision.Fail(QueueCommandError.HeldForAnotherAgent, $"work {workId} is held for {work.StickyAgentId}")
            : null;
    }

    /// <summary>The agent's arbiter granted a slot for work its pull round chose: the work is offered to it, recorded
    /// with the pull decision.</summary>
    public static QueueDecision Claim(QueueState state, PullDecision decision, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var agentId = decision.Input.Agent.AgentId;
        if (decision.ChosenWorkItemId is not { } workId)
        {
            return QueueDecision.Fail(QueueCommandError.InvalidRequest, "the pull decision chose no work");
        }
        return CheckClaim(state, workId, agentId, now) ?? QueueDecision.Emit(new WorkClaimed(now, workId, agentId, decision));
    }

    /// <summary>An offer came back unanswered: the work is free again at its original place (arrival and sequence
    /// unchanged); a repeat, or a return of work no longer offered, changes nothing. With <paramref name="offerId"/>
    /// only that offer is returned: a late return of an earlier offer leaves a later one alone.</summary>
    public static QueueDecision ReturnOffer(QueueState state, string workId, string agentId, ReleaseReason reason,
        DateTimeOffset now, long? offerId = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Find(workId) is null)
        {
            return QueueDecision.Fail(QueueCommandError.UnknownWork, $"work {workId} is not waiting");
        }
        if (offerId is { } id && state.OfferIds.GetValueOrDefault(workId) != id)
        {
            return QueueDecision.NoChange($"offer {id} of work {workId} is no longer outstanding");
        }
        return state.Waiting.OfferedTo(workId) switch
        {
            null => QueueDecision.NoChange($"work {workId} is not offered"),
            var holder when holder != agentId => QueueDecision.Fail(QueueCommandError.OfferedToAnotherAgent,
                $"work {workId} is offered to {holder}, not {agentId}"),
            _ => QueueDecision.Emit(new OfferReturned(now, workId, agentId, reason)),
        };
    }

    /// <summary>Overflow while waiting (ROUTE-4): every waiting item not currently offered whose first holding rule
    /// fires (wait time, no agent logged in) is sent on, in waiting order.</summary>
    public static QueueDecision EvaluateOverflow(QueueState state, Queue? queue, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (queue is null || queue.Overflow.IsDefaultOrEmpty)
        {
            return QueueDecision.NoChange("no overflow rules");
        }
        var events = new List<QueueEvent>();
        var others = state.Waiting.Count - 1;
        foreach (var work in state.Waiting.NotOffered())
        {
            var waited = Waited(work, now);
            if (OverflowEvaluator.Evaluate(queue.Overflow,
                new OverflowContext(Arriving: false, others, waited, state.Agents.Length)) is { } verdict)
            {
                events.Add(Overflowed(verdict, work.Id, waited, now));
            }
        }
        return events.Count == 0 ? QueueDecision.NoChange("no overflow rule holds") : QueueDecision.Emit([.. events]);
    }

    /// <summary>When the next wait-time overflow falls due among the waiting items not offered; null when none will.</summary>
    public static DateTimeOffset? NextOverflowDeadline(QueueState state, Queue? queue)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (queue is null || queue.Overflow.IsDefaultOrEmpty)
        {
            return null;
        }
        DateTimeOffset? earliest = null;
        foreach (var work in state.Waiting.NotOffered())
        {
            if (OverflowEvaluator.NextWaitDeadline(queue.Overflow, work.ArrivedAt) is { } due && (earliest is null || due < earliest))
            {
                earliest = due;
            }
        }
        return earliest;
    }
}
