using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Calls.Events;

namespace ContactCenter.Grains.Calls;

public sealed partial record CallState
{
    /// <summary>The state after <paramref name="event"/>.</summary>
    public CallState Apply(CallEvent @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var next = @event switch
        {
            CallArrived e => this with
            {
                Phase = CallPhase.Arrived,
                Direction = CallDirection.Inbound,
                From = e.From,
                To = e.To,
                Media = e.Media,
                CallerBoost = e.CallerBoost,
                Attributes = Attributes.SetItems(e.Attributes),
                StartedAt = e.At,
                PlacedBy = e.PlacedBy,
            },
            CallDialed e => this with
            {
                Phase = CallPhase.Arrived,
                Direction = CallDirection.Outbound,
                From = e.CallerNumber,
                To = e.Number,
                Media = e.Media,
                AgentId = e.AgentId,
                ConsultedCallId = e.ConsultedCallId,
                StartedAt = e.At,
            },
            CallEnteredIvr e => this with { Phase = CallPhase.Ivr, IvrTreeId = e.TreeId, IvrTreeVersion = e.TreeVersion, IvrPosition = null },
            CallIvrStepped e => this with { IvrPosition = e.Position },
            CallQueued e => this with
            {
                Phase = CallPhase.Queued,
                QueueId = e.QueueId,
                CallerBoost = e.CallerBoost,
                QueuedAt = e.At,
                AgentId = null,
                RingUntil = null,
            },
            CallLeftQueue => this with { Phase = CallPhase.Arrived },
            AgentRingStarted e => this with
            {
                Phase = CallPhase.Ringing,
                AgentId = e.AgentId,
                OfferId = e.OfferId,
                RingUntil = e.RingUntil,
                WrapUpTime = e.WrapUpTime,
            },
            AgentRingEnded e => this with
            {
                Phase = QueueId is null ? Phase : CallPhase.Queued,
                AgentId = QueueId is null ? AgentId : null,
                OfferId = null,
                RingUntil = null,
                MissedBy = MissedBy.Add(e.AgentId),
            },
            ExternalDialStarted => this with { Phase = CallPhase.Dialing, RingUntil = null },
            CallConnected e => this with { Phase = CallPhase.Connected, AgentId = e.AgentId, OfferId = null, RingUntil = null, ConnectedAt = e.At },
            CallHeld => this with { Held = true },
            CallRetrieved => this with { Held = false },
            CallRecordingStarted or CallRecordingResumed => this with { Recording = CallRecordingState.On },
            CallRecordingPaused => this with { Recording = CallRecordingState.Paused },
            CallAttributeSet e => this with { Attributes = Attributes.SetItem(e.Key, e.Value) },
            CallNoteAdded e => this with { Notes = Notes.Add(e.Note) },
            CallCategorySet e => this with { CategoryId = e.CategoryId },
            ConversationEnded e => this with
            {
                Phase = CallPhase.WrapUp,
                Held = false,
                Consult = null,
                PendingTransfer = null,
                ListenIns = [],
                ConversationEndedAt = e.At,
                WrapUpUntil = e.WrapUpUntil,
            },
            CallAbandoned e => this with { AbandonPhase = e.Phase },
            CallEnded e => this with
            {
                Phase = CallPhase.Ended,
                EndReason = e.Reason,
                EndedAt = e.At,
                RingUntil = null,
                WrapUpUntil = null,
                Held = false,
                Consult = null,
                PendingTransfer = null,
                ListenIns = [],
            },
            _ => ApplyConnected(@event) ?? throw new NotSupportedException($"call event {@event.GetType().Name} has no transition"),
        };
        return next with { UpdatedAt = @event.At > UpdatedAt ? @event.At : UpdatedAt };
    }
}
