using ContactCenter.Contracts;
using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Agents.Events;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.Routing;
using ContactCenter.Grains.Routing;

namespace ContactCenter.Grains.Agents;

public static partial class AgentRules
{
    /// <summary>The arbiter: grants one slot when the agent is available, logged in to the work's queue (unless the work
    /// is routed directly), ready for the medium with a slot free and qualified in every required skill — the
    /// <see cref="Eligibility"/> rules routing uses. A repeated request for a reservation already held is granted
    /// again without taking a second slot.</summary>
    public static AgentDecision TryReserve(AgentState state, string agentId, ReservationRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrEmpty(request.WorkId) || request.WrapUpTime < TimeSpan.Zero ||
            request.RingTimeout <= TimeSpan.Zero || request.ReserveTimeout <= TimeSpan.Zero)
        {
            return AgentDecision.Fail(AgentCommandError.InvalidRequest,
                "a reservation needs a work id, a non-negative wrap-up time and positive timeouts");
        }
        if (state.FindWork(request.WorkId) is { } held)
        {
            return held.Activity is AgentActivity.Reserved or AgentActivity.Ringing
                ? AgentDecision.NoChange($"work {request.WorkId} is already {held.Activity} here")
                : AgentDecision.Fail(AgentCommandError.InvalidTransition,
                    $"work {request.WorkId} is already {held.Activity} here");
        }
        var snapshot = state.ToSnapshot(agentId, now);
        var refusal = request.QueueId is null
            ? Eligibility.CheckPresence(snapshot) ?? Eligibility.CheckSlot(snapshot, request.Medium) ??
              Eligibility.CheckSkills(snapshot, request.RequiredSkills)
            : Eligibility.Check(snapshot, new WorkItem
            {
                Id = request.WorkId,
                QueueId = request.QueueId,
                Medium = request.Medium,
                RequiredSkills = request.RequiredSkills,
                ArrivedAt = now,
            }, now);
        return refusal is { } reason
            ? AgentDecision.Refuse(reason, $"work {request.WorkId} ({request.Medium}) refused: {reason}")
            : AgentDecision.Emit(new WorkReserved(now, request));
    }

    /// <summary>A reserved offer starts ringing.</summary>
    public static AgentDecision Ring(AgentState state, string workId, DateTimeOffset now) =>
        Step(state, workId, AgentActivity.Ringing, [AgentActivity.Reserved], "ring", () => new WorkRinging(now, workId));

    /// <summary>The agent answers a reserved or ringing offer.</summary>
    public static AgentDecision Answer(AgentState state, string workId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        var target = state.FindWork(workId)?.Medium == Medium.Voice ? AgentActivity.Busy : AgentActivity.Chatting;
        return Step(state, workId, target, [AgentActivity.Reserved, AgentActivity.Ringing], "answer",
            () => new WorkAnswered(now, workId));
    }

    /// <summary>A reserved or ringing slot is given back; a release for no answer is a miss and applies
    /// <paramref name="noAnswerPolicy"/> (see <see cref="Missed"/>); one for a phone that could not be rung is none and
    /// pauses the agent instead (see <see cref="PhoneUnreachable"/>).</summary>
    public static AgentDecision Release(AgentState state, string workId, ReleaseReason reason, DateTimeOffset now,
        NoAnswerPolicy? noAnswerPolicy = null)
    {
        var decision = Step(state, workId, null, [AgentActivity.Reserved, AgentActivity.Ringing], "release",
            () => new ReservationReleased(now, workId, reason));
        if (decision.Events.IsDefaultOrEmpty)
        {
            return decision;
        }
        var released = (ReservationReleased)decision.Events[0];
        return reason switch
        {
            ReleaseReason.NoAnswer => Missed(state, released, noAnswerPolicy),
            ReleaseReason.Unreachable => PhoneUnreachable(state, released),
            _ => decision,
        };
    }

    /// <summary>The conversation ends: wrap-up or free.</summary>
    public static AgentDecision EndWork(AgentState state, string workId, DateTimeOffset now) =>
        Step(state, workId, AgentActivity.WrapUp, [AgentActivity.Busy, AgentActivity.Chatting], "end",
            () => new WorkEnded(now, workId));

    /// <summary>The agent ends wrap-up early.</summary>
    public static AgentDecision FinishWrapUp(AgentState state, string workId, DateTimeOffset now) =>
        Step(state, workId, null, [AgentActivity.WrapUp], "finish wrap-up of", () => new WrapUpEnded(now, workId));

    /// <summary>The slot's deadline passed: a reservation that never rang times out, a ringing offer rang out (a miss,
    /// which applies <paramref name="noAnswerPolicy"/>),
    /// wrap-up ends. Nothing when the slot is gone or its deadline is still ahead (a stale timer). The event is dated at
    /// the deadline (or at the last change, if that came later), so a deadline applied late — a busy turn, or an
    /// activation after the grain was collected — counts the time it should have.</summary>
    public static AgentDecision Expire(AgentState state, string workId, DateTimeOffset now,
        NoAnswerPolicy? noAnswerPolicy = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.FindWork(workId) is not { Deadline: { } deadline } work || deadline > now)
        {
            return AgentDecision.NoChange($"no deadline of {workId} has passed");
        }
        var at = deadline > state.UpdatedAt ? deadline : state.UpdatedAt;
        return work.Activity switch
        {
            AgentActivity.Reserved => AgentDecision.Emit(new ReservationReleased(at, workId, ReleaseReason.Timeout)),
            AgentActivity.Ringing => Missed(state, new ReservationReleased(at, workId, ReleaseReason.NoAnswer), noAnswerPolicy),
            AgentActivity.WrapUp => AgentDecision.Emit(new WrapUpEnded(at, workId)),
            _ => AgentDecision.NoChange($"{workId} is {work.Activity}, which has no deadline"),
        };
    }

    /// <summary>One step of a slot's life cycle: accepted from <paramref name="from"/>; a repeat (the slot is already in
    /// <paramref name="target"/>) changes nothing; anything else is an invalid transition.</summary>
    private static AgentDecision Step(AgentState state, string workId, AgentActivity? target, AgentActivity[] from,
        string verb, Func<AgentEvent> raise)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.FindWork(workId ?? string.Empty) is not { } work)
        {
            return AgentDecision.Fail(AgentCommandError.UnknownWork, $"cannot {verb} work {workId}: the agent does not hold it");
        }
        if (work.Activity == target)
        {
            return AgentDecision.NoChange($"work {workId} is already {target}");
        }
        return from.Contains(work.Activity)
            ? AgentDecision.Emit(raise())
            : AgentDecision.Fail(AgentCommandError.InvalidTransition,
                $"cannot {verb} work {workId} while it is {work.Activity}");
    }
}
