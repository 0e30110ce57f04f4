using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Calls.Events;
using ContactCenter.Contracts.Calls.Media;

namespace ContactCenter.Grains.Calls;

public static partial class CallRules
{
    /// <summary>The call's agent consults <paramref name="targetAgentId"/>: the customer holds and the target rings
    /// (the grain reserves it through its arbiter first).</summary>
    public static CallDecision Consult(CallState state, string agentId, string targetAgentId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (string.IsNullOrWhiteSpace(targetAgentId))
        {
            return CallDecision.Fail(CallCommandError.InvalidRequest, "a consultation needs the agent to consult");
        }
        if ((CheckConversation(state, agentId, connectedOnly: true) ?? CheckNoSecondParty(state)) is { } refused)
        {
            return refused;
        }
        return targetAgentId == agentId
            ? CallDecision.Fail(CallCommandError.InvalidRequest, "an agent cannot consult itself")
            : CallDecision.Emit(RingSecondAgent(state, agentId, targetAgentId, ConsultPurpose.Consult, now));
    }

    /// <summary>The second agent answered: a consultation talks; a blind transfer passes the call to it.</summary>
    public static CallDecision SecondAgentAnswered(CallState state, string agentId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Phase != CallPhase.Connected || state.Consult is not { Stage: ConsultStage.Ringing } consult || consult.AgentId != agentId)
        {
            return CallDecision.NoChange($"agent {agentId} is not ringing for the call");
        }
        var answered = new ConsultAnswered(now, agentId);
        return consult.Purpose == ConsultPurpose.Transfer
            ? CallDecision.Emit([answered, .. PassToSecondAgent(state, consult, now)])
            : CallDecision.Emit(answered);
    }

    /// <summary>Ringing the second agent ended without an answer: the customer stays on hold with the call's agent.</summary>
    public static CallDecision SecondAgentFailed(CallState state, string agentId, AgentLegFailure reason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Phase == CallPhase.Connected && state.Consult is { Stage: ConsultStage.Ringing } consult && consult.AgentId == agentId
            ? CallDecision.Emit(new ConsultEnded(now, agentId, Answered: false, reason.ToString()))
            : CallDecision.NoChange($"agent {agentId} is not ringing for the call");
    }

    /// <summary>The second agent's ring deadline passed: as <see cref="SecondAgentFailed"/> with no answer.</summary>
    public static CallDecision SecondAgentRingTimedOut(CallState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Consult is { Stage: ConsultStage.Ringing, RingUntil: { } until } consult && until <= now
            ? SecondAgentFailed(state, consult.AgentId, AgentLegFailure.NoAnswer, now)
            : CallDecision.NoChange("no second agent's ring deadline has passed");
    }

    /// <summary>The second agent hung up (or declined while ringing): the call's agent stays with the customer, who
    /// stays on hold after a consultation.</summary>
    public static CallDecision SecondAgentHungUp(CallState state, string agentId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Phase != CallPhase.Connected || state.Consult is not { } consult || consult.AgentId != agentId)
        {
            return CallDecision.NoChange($"agent {agentId} is not the call's second agent");
        }
        var answered = consult.Stage != ConsultStage.Ringing;
        return CallDecision.Emit(new ConsultEnded(now, agentId, answered, answered ? "hung up" : nameof(AgentLegFailure.Declined)));
    }

    /// <summary>Attended transfer: the call passes to the answered second agent and its agent leaves.</summary>
    public static CallDecision CompleteTransfer(CallState state, string agentId, DateTimeOffset now)
    {
        if (CheckConversation(state, agentId, connectedOnly: true) is { } refused)
        {
            return refused;
        }
        return state.Consult switch
        {
            null => CallDecision.Fail(CallCommandError.InvalidPhase, "no agent is consulted"),
            { Stage: ConsultStage.Ringing } consult =>
                CallDecision.Fail(CallCommandError.InvalidPhase, $"agent {consult.AgentId} has not answered"),
            { } consult => CallDecision.Emit(PassToSecondAgent(state, consult, now)),
        };
    }

    /// <summary>The customer, the call's agent and the answered consulted agent talk together; a repeat changes
    /// nothing.</summary>
    public static CallDecision Conference(CallState state, string agentId, DateTimeOffset now)
    {
        if (CheckConversation(state, agentId, connectedOnly: true) is { } refused)
        {
            return refused;
        }
        return state.Consult switch
        {
            null => CallDecision.Fail(CallCommandError.InvalidPhase, "no agent is consulted"),
            { Stage: ConsultStage.Conference } => CallDecision.NoChange("already in conference"),
            { Stage: ConsultStage.Talking } consult => CallDecision.Emit(
                [.. TakeOffHold(state, agentId, now), new ConferenceStarted(now, agentId, consult.AgentId)]),
            { } consult => CallDecision.Fail(CallCommandError.InvalidPhase, $"agent {consult.AgentId} has not answered"),
        };
    }

    /// <summary>The call's agent lets the second agent go (ringing, consulted, in conference, or a blind transfer still
    /// ringing) and takes the customer off hold; without a second agent it changes nothing.</summary>
    public static CallDecision CancelConsult(CallState state, string agentId, DateTimeOffset now)
    {
        if (CheckConversation(state, agentId, connectedOnly: true) is { } refused)
        {
            return refused;
        }
        return state.Consult is { } consult
            ? CallDecision.Emit([new ConsultEnded(now, consult.AgentId, consult.Stage != ConsultStage.Ringing, "cancelled"),
                .. TakeOffHold(state, agentId, now)])
            : CallDecision.NoChange("no agent is consulted");
    }

    /// <summary>Holds the customer (unless held) and rings the second agent.</summary>
    private static CallEvent[] RingSecondAgent(CallState state, string agentId, string targetAgentId, ConsultPurpose purpose,
        DateTimeOffset now)
    {
        var ring = new ConsultRingStarted(now, agentId, targetAgentId, purpose, now + ConsultRingTimeout);
        return state.Held ? [ring] : [new CallHeld(now, agentId), ring];
    }

    /// <summary>The call passes to the answered second agent; the customer comes off hold to talk to it.</summary>
    private static CallEvent[] PassToSecondAgent(CallState state, CallConsult consult, DateTimeOffset now) =>
        [new ConsultTransferred(now, state.AgentId!, consult.AgentId), .. TakeOffHold(state, consult.AgentId, now)];

    /// <summary>Takes the customer off hold, when held.</summary>
    private static CallEvent[] TakeOffHold(CallState state, string agentId, DateTimeOffset now) =>
        state.Held ? [new CallRetrieved(now, agentId)] : [];
}
