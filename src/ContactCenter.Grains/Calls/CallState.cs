using System.Collections.Immutable;
using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Calls.Media;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.Ivr;

namespace ContactCenter.Grains.Calls;

/// <summary>A call's state as the fold of its journal (<see cref="Apply"/>). Immutable; the call grain holds the current
/// value and <see cref="CallRules"/> decides which events a command or a report raises.</summary>
public sealed partial record CallState
{
    /// <summary>A call that has not started.</summary>
    public static CallState Initial { get; } = new();

    /// <summary>Null before the call started.</summary>
    public CallPhase? Phase { get; init; }

    /// <summary>Inbound or agent-initiated.</summary>
    public CallDirection Direction { get; init; }

    /// <summary>The calling number (the agent's caller id for an agent-initiated call).</summary>
    public string? From { get; init; }

    /// <summary>The called number.</summary>
    public string? To { get; init; }

    /// <summary>The front end holding the call's legs.</summary>
    public ICallMedia? Media { get; init; }

    /// <summary>The caller's work priority boost (arrival plus IVR).</summary>
    public int CallerBoost { get; init; }

    /// <summary>The IVR tree the call entered, if any.</summary>
    public string? IvrTreeId { get; init; }

    /// <summary>The version of <see cref="IvrTreeId"/> read at entry, which the call walks to its end.</summary>
    public long IvrTreeVersion { get; init; }

    /// <summary>Where the call stands in its IVR tree; null outside it (or once it left it).</summary>
    public IvrPosition? IvrPosition { get; init; }

    /// <summary>The queue the call waits or waited in last.</summary>
    public string? QueueId { get; init; }

    /// <summary>The agent ringing, talking or wrapping up.</summary>
    public string? AgentId { get; init; }

    /// <summary>The agent whose phone placed this (internal) call and whose slot it holds until it ends.</summary>
    public string? PlacedBy { get; init; }

    /// <summary>The queue's id of the offer the ringing agent holds; null when none, or the call was not queued.</summary>
    public long? OfferId { get; init; }

    /// <summary>When the call gives up on the ringing agent.</summary>
    public DateTimeOffset? RingUntil { get; init; }

    /// <summary>The agent's after-call work time for this call.</summary>
    public TimeSpan WrapUpTime { get; init; }

    /// <summary>The agent's call this agent-initiated call consults from (<see cref="CallDial.ConsultedCallId"/>): the
    /// agent holds no slot for this one, so the agent grain is not told of its answer or end. Null for every other
    /// call.</summary>
    public string? ConsultedCallId { get; init; }

    /// <summary>End of wrap-up, while in wrap-up.</summary>
    public DateTimeOffset? WrapUpUntil { get; init; }

    /// <summary>True while the customer is on hold.</summary>
    public bool Held { get; init; }

    /// <summary>Whether the call is being recorded.</summary>
    public CallRecordingState Recording { get; init; }

    /// <summary>Agents whose line rang without an answer, in order.</summary>
    public ImmutableArray<string> MissedBy { get; init; } = [];

    /// <summary>The second agent while connected (consulted, in conference, or rung by a blind transfer).</summary>
    public CallConsult? Consult { get; init; }

    /// <summary>The number or line of a blind transfer the front end is carrying out.</summary>
    public RoutingTarget? PendingTransfer { get; init; }

    /// <summary>The number or line the call was transferred to; the call ends as transferred.</summary>
    public RoutingTarget? TransferredTo { get; init; }

    /// <summary>Supervisors listening in now.</summary>
    public ImmutableArray<CallListenIn> ListenIns { get; init; } = [];

    /// <summary>Attached data.</summary>
    public ImmutableDictionary<string, string> Attributes { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Notes, oldest first.</summary>
    public ImmutableArray<CallNote> Notes { get; init; } = [];

    /// <summary>The category.</summary>
    public string? CategoryId { get; init; }

    /// <summary>When the call started.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When it last entered a queue.</summary>
    public DateTimeOffset? QueuedAt { get; init; }

    /// <summary>When the customer and the agent were connected.</summary>
    public DateTimeOffset? ConnectedAt { get; init; }

    /// <summary>When the conversation ended.</summary>
    public DateTimeOffset? ConversationEndedAt { get; init; }

    /// <summary>When the call ended.</summary>
    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>Where the caller hung up, for an abandoned call.</summary>
    public AbandonPhase? AbandonPhase { get; init; }

    /// <summary>Why the call ended.</summary>
    public CallEndReason? EndReason { get; init; }

    /// <summary>When the last event happened.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>True once the call started and until it ended.</summary>
    public bool IsLive => Phase is not null and not CallPhase.Ended;

    /// <summary>True when <paramref name="agentId"/> is the call's agent.</summary>
    public bool IsAgent(string? agentId) => AgentId is not null && string.Equals(AgentId, agentId, StringComparison.Ordinal);

    /// <summary>True when <paramref name="agentId"/> is the call's second agent (consulted, in conference, or rung by a
    /// blind transfer).</summary>
    public bool IsConsultAgent(string? agentId) =>
        Consult is { } consult && string.Equals(consult.AgentId, agentId, StringComparison.Ordinal);

    /// <summary>The supervisor's listen-in, if any.</summary>
    public CallListenIn? FindListenIn(string? supervisorId) =>
        ListenIns.FirstOrDefault(l => string.Equals(l.SupervisorId, supervisorId, StringComparison.Ordinal));

    /// <summary>The status for the workspace, supervisors and tests.</summary>
    public CallStatus ToStatus(string callId, long version) => new()
    {
        CallId = callId,
        Phase = Phase,
        Direction = Direction,
        From = From,
        To = To,
        QueueId = QueueId,
        AgentId = AgentId,
        Held = Held,
        Recording = Recording,
        MissedBy = MissedBy,
        Consult = Consult,
        TransferTarget = PendingTransfer ?? TransferredTo,
        ListenIns = ListenIns,
        Attributes = Attributes,
        Notes = Notes,
        CategoryId = CategoryId,
        StartedAt = StartedAt,
        QueuedAt = QueuedAt,
        ConnectedAt = ConnectedAt,
        ConversationEndedAt = ConversationEndedAt,
        WrapUpUntil = WrapUpUntil,
        EndedAt = EndedAt,
        AbandonPhase = AbandonPhase,
        EndReason = EndReason,
        Version = version,
    };
}
