using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Calls.Events;
using ContactCenter.Contracts.Calls.Media;

namespace ContactCenter.Grains.Calls;

public static partial class CallRules
{
    /// <summary>The ringing agent answered: an inbound call is connected; an agent-initiated call dials its number.</summary>
    public static CallDecision AgentAnswered(CallState state, string agentId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Phase != CallPhase.Ringing || !state.IsAgent(agentId))
        {
            return CallDecision.NoChange($"agent {agentId} is not ringing for the call");
        }
        return state.Direction == CallDirection.Outbound
            ? CallDecision.Emit(new ExternalDialStarted(now, state.To!))
            : CallDecision.Emit(new CallConnected(now, agentId));
    }

    /// <summary>The ringing agent answers from the workspace. Accepted without events: the call connects when the front
    /// end reports the leg answered (<see cref="AgentAnswered"/>), exactly as when the agent picks up the phone.</summary>
    public static CallDecision Answer(CallState state, string agentId)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Phase != CallPhase.Ringing)
        {
            return CallDecision.Fail(CallCommandError.InvalidPhase, $"the call is {state.Phase}, not ringing");
        }
        return state.IsAgent(agentId)
            ? CallDecision.NoChange($"answering for agent {agentId}")
            : CallDecision.Fail(CallCommandError.NotTheCallsAgent, $"the call rings for another agent, not {agentId}");
    }

    /// <summary>Ringing the agent ended without an answer. A queued call waits for its next offer; a call routed to
    /// this one agent ends (agent unavailable); an agent-initiated call ends (failed).</summary>
    public static CallDecision RingFailed(CallState state, string agentId, AgentLegFailure reason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Phase != CallPhase.Ringing || !state.IsAgent(agentId))
        {
            return CallDecision.NoChange($"agent {agentId} is not ringing for the call");
        }
        var ended = new AgentRingEnded(now, agentId, reason);
        if (state.QueueId is not null && state.Direction == CallDirection.Inbound)
        {
            return CallDecision.Emit(ended);
        }
        return state.Direction == CallDirection.Outbound
            ? CallDecision.Emit(ended, new CallEnded(now, CallEndReason.Failed, $"the agent's line: {reason}"))
            : CallDecision.Emit(ended, new CallEnded(now, CallEndReason.AgentUnavailable, $"agent {agentId}: {reason}"));
    }

    /// <summary>How an agent's leg that failed gives the agent's slot back: declined (busy or declined), unreachable (a
    /// phone that could not be rung — no miss, the agent is paused instead) or no answer (a miss).</summary>
    public static ReleaseReason ReleaseReasonOf(AgentLegFailure failure) => failure switch
    {
        AgentLegFailure.Declined or AgentLegFailure.Busy => ReleaseReason.Declined,
        AgentLegFailure.Unreachable => ReleaseReason.Unreachable,
        _ => ReleaseReason.NoAnswer,
    };

    /// <summary>The call's ring deadline passed: as <see cref="RingFailed"/> with no answer.</summary>
    public static CallDecision RingTimedOut(CallState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Phase == CallPhase.Ringing && state.RingUntil is { } until && until <= now
            ? RingFailed(state, state.AgentId!, AgentLegFailure.NoAnswer, now)
            : CallDecision.NoChange("no ring deadline has passed");
    }

    /// <summary>The external number of an agent-initiated call answered.</summary>
    public static CallDecision ExternalAnswered(CallState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Phase == CallPhase.Dialing
            ? CallDecision.Emit(new CallConnected(now, state.AgentId!))
            : CallDecision.NoChange("the call is not dialling");
    }

    /// <summary>The external number of an agent-initiated call could not be reached.</summary>
    public static CallDecision ExternalFailed(CallState state, int statusCode, string reason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Phase == CallPhase.Dialing
            ? CallDecision.Emit(new CallEnded(now, CallEndReason.Failed, $"{statusCode} {reason}"))
            : CallDecision.NoChange("the call is not dialling");
    }

    /// <summary>The customer hung up: before the conversation it is an abandon in the phase the call was in; during it,
    /// the conversation ends.</summary>
    public static CallDecision CustomerHungUp(CallState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Direction == CallDirection.Outbound && state.Phase is CallPhase.Arrived or CallPhase.Ringing or CallPhase.Dialing)
        {
            return CallDecision.Emit(new CallEnded(now, CallEndReason.Failed, "the called party hung up before answering"));
        }
        AbandonPhase? abandoned = state.Phase switch
        {
            CallPhase.Arrived => AbandonPhase.BeforeIvr,
            CallPhase.Ivr => AbandonPhase.InIvr,
            CallPhase.Queued => AbandonPhase.InQueue,
            CallPhase.Ringing => AbandonPhase.RingingAtAgent,
            _ => null,
        };
        if (abandoned is { } phase)
        {
            return CallDecision.Emit(new CallAbandoned(now, phase), new CallEnded(now, CallEndReason.Abandoned, phase.ToString()));
        }
        return state.Phase == CallPhase.Connected
            ? EndConversation(state, CallParty.Customer, now)
            : CallDecision.NoChange("the conversation is already over");
    }

    /// <summary>The agent hung up (the phone, or the workspace's hang-up): the conversation ends; an agent-initiated
    /// call still dialling ends as failed. With an answered second agent on the call, the call passes to it instead
    /// (hanging up during a consultation or conference transfers); with one still ringing, the conversation ends and the
    /// ringing stops. The second agent hanging up leaves the call to its agent. Refused for an agent who is not on the
    /// call.</summary>
    public static CallDecision AgentHungUp(CallState state, string agentId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Phase == CallPhase.Connected && state.IsConsultAgent(agentId))
        {
            return SecondAgentHungUp(state, agentId, now);
        }
        if (!state.IsAgent(agentId))
        {
            return CallDecision.Fail(CallCommandError.NotTheCallsAgent, $"agent {agentId} is not on the call");
        }
        return state.Phase switch
        {
            CallPhase.Connected when state.Consult is { Stage: not ConsultStage.Ringing } consult =>
                CallDecision.Emit(PassToSecondAgent(state, consult, now)),
            CallPhase.Connected => EndConversation(state, CallParty.Agent, now),
            CallPhase.Dialing => CallDecision.Emit(new CallEnded(now, CallEndReason.Failed, "the agent hung up before the number answered")),
            CallPhase.Ringing when state.Direction == CallDirection.Outbound => RingFailed(state, agentId, AgentLegFailure.Declined, now),
            CallPhase.WrapUp or CallPhase.Ended => CallDecision.NoChange("the conversation is already over"),
            _ => CallDecision.Fail(CallCommandError.InvalidPhase, $"the call is {state.Phase}"),
        };
    }

    /// <summary>The conversation ends (after <paramref name="first"/>, when given): a second agent still on the call and
    /// every listen-in end with it; wrap-up follows for the agent's wrap-up time, or the call ends at once (for
    /// <paramref name="reason"/>).</summary>
    private static CallDecision EndConversation(CallState state, CallParty by, DateTimeOffset now,
        CallEndReason reason = CallEndReason.Completed, CallEvent? first = null)
    {
        List<CallEvent> events = first is null ? [] : [first];
        if (state.Consult is { } consult)
        {
            events.Add(new ConsultEnded(now, consult.AgentId, consult.Stage != ConsultStage.Ringing, "the conversation ended"));
        }
        events.AddRange(StopListenIns(state, now));
        if (state.WrapUpTime > TimeSpan.Zero)
        {
            events.Add(new ConversationEnded(now, by, now + state.WrapUpTime));
        }
        else
        {
            events.AddRange([new ConversationEnded(now, by, null), new CallEnded(now, reason)]);
        }
        return CallDecision.Emit([.. events]);
    }
}
