using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Calls.Events;
using ContactCenter.Contracts.Configuration;

namespace ContactCenter.Grains.Calls;

public sealed partial record CallState
{
    /// <summary>The transitions within <see cref="CallPhase.Connected"/>: transfers, consultation, conference and
    /// listen-in; null for an event that is not one of them.</summary>
    private CallState? ApplyConnected(CallEvent @event) => @event switch
    {
        CallTransferStarted e => e.Target.Kind is RoutingTargetKind.ExternalNumber or RoutingTargetKind.InternalLine
            ? this with { PendingTransfer = e.Target }
            : this,
        CallTransferCompleted e => this with { PendingTransfer = null, TransferredTo = e.Target },
        CallTransferFailed => this with { PendingTransfer = null },
        AgentLeftCall => this with
        {
            Phase = CallPhase.Arrived,
            AgentId = null,
            OfferId = null,
            RingUntil = null,
            Held = false,
            Consult = null,
        },
        ConsultRingStarted e => this with
        {
            Consult = new CallConsult(e.TargetAgentId, e.AgentId, e.Purpose, ConsultStage.Ringing, e.At, e.RingUntil),
        },
        ConsultAnswered e => this with { Consult = RequireConsult(e) with { Stage = ConsultStage.Talking, Since = e.At, RingUntil = null } },
        ConsultEnded => this with { Consult = null },
        ConsultTransferred e => this with { AgentId = e.ToAgentId, Consult = null },
        ConferenceStarted e => this with { Consult = RequireConsult(e) with { Stage = ConsultStage.Conference, Since = e.At } },
        ListenInStarted e => this with
        {
            ListenIns = ListenIns.RemoveAll(l => l.SupervisorId == e.SupervisorId).Add(new CallListenIn(e.SupervisorId, e.Mode, e.At)),
        },
        ListenInStopped e => this with { ListenIns = ListenIns.RemoveAll(l => l.SupervisorId == e.SupervisorId) },
        _ => null,
    };

    private CallConsult RequireConsult(CallEvent @event) =>
        Consult ?? throw new InvalidOperationException($"{@event.GetType().Name} needs a second agent on the call");
}
