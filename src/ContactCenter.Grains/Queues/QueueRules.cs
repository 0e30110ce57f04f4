using System.Collections.Immutable;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.Queues;
using ContactCenter.Contracts.Queues.Events;
using ContactCenter.Contracts.Routing;
using ContactCenter.Grains.Routing;
using ContactCenter.Grains.Scheduling;

namespace ContactCenter.Grains.Queues;

/// <summary>The queue's command rules as pure functions of its state and configuration: each returns the events a
/// command raises, none when its target already holds (an accepted repeat), or the reason it is refused. The queue
/// grain only orchestrates: it reads configuration and agent snapshots, calls a rule, appends the events, and asks
/// agents' arbiters for slots.</summary>
/// <remarks>Life cycle of work: arrival → closed out (queue closed), overflowed on arrival (queued and sent on in one
/// decision), or waiting → offered ⇄ returned (keeping its place) → answered, abandoned, withdrawn or overflowed.</remarks>
public static partial class QueueRules
{
    /// <summary>The SLA threshold used when the queue's document is gone by the time work is answered.</summary>
    public static readonly TimeSpan DefaultSlaThreshold = TimeSpan.FromSeconds(20);

    /// <summary>Arrival (ROUTE-3, ROUTE-4): closed → <see cref="WorkClosedOut"/>; otherwise the work is queued with work
    /// priority = queue priority + caller boost and the queue's skills plus the request's, and an overflow rule that
    /// holds on arrival sends it on at once.</summary>
    public static QueueDecision Enqueue(QueueState state, string queueId, Queue? queue, EnqueueRequest request,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(request);
        if (queue is null)
        {
            return QueueDecision.Fail(QueueCommandError.QueueNotFound, $"queue {queueId} has no configuration");
        }
        if (string.IsNullOrEmpty(request.WorkId))
        {
            return QueueDecision.Fail(QueueCommandError.InvalidRequest, "work needs an id");
        }
        if (state.Find(request.WorkId) is not null)
        {
            return QueueDecision.Fail(QueueCommandError.AlreadyQueued, $"work {request.WorkId} already waits in queue {queueId}");
        }
        var open = BusinessCalendar.Evaluate(queue, now);
        if (!open.IsOpen)
        {
            return QueueDecision.Emit(new WorkClosedOut(now, request.WorkId, queue.ClosedAction, open.HolidayName));
        }
        var work = new WorkItem
        {
            Id = request.WorkId,
            QueueId = queueId,
            Medium = request.Medium,
            QueuePriority = queue.Priority,
            CallerBoost = request.CallerBoost,
            RequiredSkills = MergeSkills(queue.RequiredSkills, request.RequiredSkills),
            ArrivedAt = now,
            StickyAgentId = queue.StickyWait > TimeSpan.Zero ? request.StickyAgentId : null,
            StickyUntil = queue.StickyWait > TimeSpan.Zero && request.StickyAgentId is not null ? now + queue.StickyWait : null,
        };
        var queued = new WorkQueued(now, work, request.Owner);
        var verdict = OverflowEvaluator.Evaluate(queue.Overflow,
            new OverflowContext(Arriving: true, state.Waiting.Count, TimeSpan.Zero, state.Agents.Length));
        return verdict is null
            ? QueueDecision.Emit(queued)
            : QueueDecision.Emit(queued, Overflowed(verdict, work.Id, TimeSpan.Zero, now));
    }

    /// <summary>The agent answered: the work leaves; it counts within SLA when it waited no longer than the threshold.
    /// Refused when the work is offered to another agent.</summary>
    public static QueueDecision Answer(QueueState state, string workId, string agentId, TimeSpan slaThreshold,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (string.IsNullOrEmpty(agentId))
        {
            return QueueDecision.Fail(QueueCommandError.InvalidRequest, "an answer needs the agent id");
        }
        if (state.Find(workId) is not { } work)
        {
            return QueueDecision.Fail(QueueCommandError.UnknownWork, $"work {workId} is not waiting");
        }
        if (state.Waiting.OfferedTo(workId) is { } holder && holder != agentId)
        {
            return QueueDecision.Fail(QueueCommandError.OfferedToAnotherAgent, $"work {workId} is offered to {holder}, not {agentId}");
        }
        var waited = Waited(work, now);
        return QueueDecision.Emit(new QueuedWorkAnswered(now, workId, agentId, waited, waited <= slaThreshold));
    }

    /// <summary>The caller hung up: the work leaves and counts as abandoned with its wait.</summary>
    public static QueueDecision Abandon(QueueState state, string workId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Find(workId) is { } work
            ? QueueDecision.Emit(new QueuedWorkAbandoned(now, workId, Waited(work, now), state.Waiting.OfferedTo(workId)))
            : QueueDecision.Fail(QueueCommandError.UnknownWork, $"work {workId} is not waiting");
    }

    /// <summary>The work's owner takes it out without answer or abandon.</summary>
    public static QueueDecision Withdraw(QueueState state, string workId, string? reason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Find(workId) is { } work
            ? QueueDecision.Emit(new QueuedWorkWithdrawn(now, workId, Waited(work, now), reason, state.Waiting.OfferedTo(workId)))
            : QueueDecision.Fail(QueueCommandError.UnknownWork, $"work {workId} is not waiting");
    }

    /// <summary>An agent logged in to the queue.</summary>
    public static QueueDecision AgentJoined(QueueState state, string agentId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (string.IsNullOrEmpty(agentId))
        {
            return QueueDecision.Fail(QueueCommandError.InvalidRequest, "an agent id is required");
        }
        return state.HasAgent(agentId)
            ? QueueDecision.NoChange($"agent {agentId} is already in the queue")
            : QueueDecision.Emit(new QueueAgentJoined(now, agentId));
    }

    /// <summary>An agent logged out of the queue.</summary>
    public static QueueDecision AgentLeft(QueueState state, string agentId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.HasAgent(agentId)
            ? QueueDecision.Emit(new QueueAgentLeft(now, agentId))
            : QueueDecision.NoChange($"agent {agentId} is not in the queue");
    }

    /// <summary>Start a new counting period.</summary>
    public static QueueDecision ResetCounters(DateTimeOffset now) => QueueDecision.Emit(new QueueCountersReset(now));

    /// <summary>Time from arrival to <paramref name="now"/>, never negative.</summary>
    public static TimeSpan Waited(WorkItem work, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(work);
        return now > work.ArrivedAt ? now - work.ArrivedAt : TimeSpan.Zero;
    }

    private static WorkOverflowed Overflowed(OverflowVerdict verdict, string workId, TimeSpan waited, DateTimeOffset now) =>
        new(now, workId, verdict.RuleIndex, verdict.Rule.Condition, verdict.Rule.Target, waited);

    /// <summary>The queue's requirements plus the work's own; for a skill named twice the higher minimum holds.</summary>
    private static ImmutableArray<SkillRequirement> MergeSkills(ImmutableArray<SkillRequirement> queue,
        ImmutableArray<SkillRequirement> work)
    {
        var merged = new List<SkillRequirement>();
        foreach (var requirement in (queue.IsDefault ? [] : queue).Concat(work.IsDefault ? [] : work))
        {
            var index = merged.FindIndex(r => string.Equals(r.SkillId, requirement.SkillId, StringComparison.Ordinal));
            if (index < 0)
            {
                merged.Add(requirement);
            }
            else if (requirement.MinimumLevel > merged[index].MinimumLevel)
            {
                merged[index] = requirement;
            }
        }
        return [.. merged];
    }
}
