using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Calls.Events;
using ContactCenter.Contracts.Configuration;

namespace ContactCenter.Grains.Calls;

public static partial class CallRules
{
    /// <summary>How long a consulted agent, or the agent of a blind transfer, rings.</summary>
    public static readonly TimeSpan ConsultRingTimeout = TimeSpan.FromSeconds(20);

    /// <summary>The call's agent transfers the connected call without consulting. To a number or line: the transfer is
    /// pending until the front end reports it. To a queue: the agent leaves and the call is routed again. To an agent:
    /// the customer holds and that agent rings (<see cref="ConsultPurpose.Transfer"/>). Refused while a second agent
    /// is on the call or another transfer is pending.</summary>
    public static CallDecision BlindTransfer(CallState state, string agentId, CallTransfer transfer, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (transfer?.Target is not { } target || string.IsNullOrWhiteSpace(target.Value) || !Enum.IsDefined(target.Kind))
        {
            return CallDecision.Fail(CallCommandError.InvalidRequest, "a transfer needs a number, line, queue or agent");
        }
        if ((CheckConversation(state, agentId, connectedOnly: true) ?? CheckNoSecondParty(state)) is { } refused)
        {
            return refused;
        }
        var started = new CallTransferStarted(now, agentId, target);
        return target.Kind switch
        {
            RoutingTargetKind.Queue => CallDecision.Emit([started, .. StopListenIns(state, now), new AgentLeftCall(now, agentId)]),
            RoutingTargetKind.IvrTree => CallDecision.Fail(CallCommandError.InvalidRequest, "a call cannot be transferred to an IVR tree"),
            RoutingTargetKind.Agent when target.Value == agentId =>
                CallDecision.Fail(CallCommandError.InvalidRequest, "an agent cannot transfer a call to itself"),
            RoutingTargetKind.Agent => CallDecision.Emit([started, .. RingSecondAgent(state, agentId, target.Value, ConsultPurpose.Transfer, now)]),
            _ => CallDecision.Emit(started),
        };
    }

    /// <summary>The front end handed the customer to the pending transfer's number or line: the agent's conversation
    /// ends (wrap-up follows) and the call ends as <see cref="CallEndReason.Transferred"/>. A report without a pending
    /// transfer (a forward, which already ended the call) changes nothing.</summary>
    public static CallDecision TransferCompleted(CallState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Phase == CallPhase.Connected && state.PendingTransfer is { } target
            ? EndConversation(state, CallParty.Agent, now, CallEndReason.Transferred, new CallTransferCompleted(now, target))
            : CallDecision.NoChange("no transfer is pending");
    }

    /// <summary>The pending transfer failed: the agent talks to the customer again.</summary>
    public static CallDecision TransferFailed(CallState state, string reason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Phase == CallPhase.Connected && state.PendingTransfer is { } target
            ? CallDecision.Emit(new CallTransferFailed(now, target, reason ?? ""))
            : CallDecision.NoChange("no transfer is pending");
    }

    /// <summary>Null when nobody else is being brought into the call (no second agent, no pending transfer); otherwise
    /// the refusal.</summary>
    private static CallDecision? CheckNoSecondParty(CallState state) => state switch
    {
        { Consult: { } consult } => CallDecision.Fail(CallCommandError.InvalidPhase,
            $"agent {consult.AgentId} is on the call ({consult.Purpose}, {consult.Stage})"),
        { PendingTransfer: { } target } => CallDecision.Fail(CallCommandError.InvalidPhase,
            $"a transfer to {target.Value} is in progress"),
        _ => null,
    };

    /// <summary>Ends every listen-in (the conversation they listened to ends, or its agent leaves).</summary>
    private static IEnumerable<CallEvent> StopListenIns(CallState state, DateTimeOffset now) =>
        state.ListenIns.Select(l => new ListenInStopped(now, l.SupervisorId, l.Mode));

    /// <summary>How a call whose conversation ended ends after wrap-up.</summary>
    private static CallEndReason AfterWrapUp(CallState state) =>
        state.TransferredTo is null ? CallEndReason.Completed : CallEndReason.Transferred;
}
