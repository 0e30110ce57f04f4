using System.Collections.Immutable;
using ContactCenter.Contracts.Configuration;

namespace ContactCenter.Contracts.Calls;

/// <summary>A call's current status and timeline, for the workspace, supervisors and tests.</summary>
public sealed record CallStatus
{
    /// <summary>The call.</summary>
    public required string CallId { get; init; }

    /// <summary>Null before the call started.</summary>
    public CallPhase? Phase { get; init; }

    /// <summary>Inbound or agent-initiated.</summary>
    public CallDirection Direction { get; init; }

    /// <summary>The calling number.</summary>
    public string? From { get; init; }

    /// <summary>The called number.</summary>
    public string? To { get; init; }

    /// <summary>The queue the call waits or waited in last.</summary>
    public string? QueueId { get; init; }

    /// <summary>The agent ringing, talking or wrapping up.</summary>
    public string? AgentId { get; init; }

    /// <summary>True while the customer is on hold.</summary>
    public bool Held { get; init; }

    /// <summary>Whether the call is being recorded (REC-1).</summary>
    public CallRecordingState Recording { get; init; }

    /// <summary>A second agent on the call while connected: consulted (ringing or talking with the agent while the customer
    /// holds), in conference, or rung by a blind transfer.</summary>
    public CallConsult? Consult { get; init; }

    /// <summary>The number or line of a blind transfer in progress or completed.</summary>
    public RoutingTarget? TransferTarget { get; init; }

    /// <summary>Supervisors listening in now.</summary>
    public ImmutableArray<CallListenIn> ListenIns { get; init; } = [];

    /// <summary>Agents whose line rang without an answer, in order.</summary>
    public ImmutableArray<string> MissedBy { get; init; } = [];

    /// <summary>Attached data.</summary>
    public ImmutableDictionary<string, string> Attributes { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Notes, oldest first.</summary>
    public ImmutableArray<CallNote> Notes { get; init; } = [];

    /// <summary>The category set by the agent.</summary>
    public string? CategoryId { get; init; }

    /// <summary>When the call started.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When it last entered a queue.</summary>
    public DateTimeOffset? QueuedAt { get; init; }

    /// <summary>When the customer and the agent were connected.</summary>
    public DateTimeOffset? ConnectedAt { get; init; }

    /// <summary>When the conversation ended.</summary>
    public DateTimeOffset? ConversationEndedAt { get; init; }

    /// <summary>End of the wrap-up time, while in wrap-up.</summary>
    public DateTimeOffset? WrapUpUntil { get; init; }

    /// <summary>When the call ended.</summary>
    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>Where the caller hung up, for an abandoned call.</summary>
    public AbandonPhase? AbandonPhase { get; init; }

    /// <summary>Why the call ended.</summary>
    public CallEndReason? EndReason { get; init; }

    /// <summary>The journal version the status reflects.</summary>
    public long Version { get; init; }
}
