using System.Collections.Immutable;
using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Configuration;

namespace ContactCenter.Contracts.Reporting;

/// <summary>One interaction as reports see it (ARCHITECTURE.md "Data"): its phases with their times, queue, agent,
/// outcome, abandon phase, notes, category and attached data. The interaction-facts projection folds it from the call's
/// journal, so it is never written by anything else; every later view, report and export reads it.</summary>
public sealed record InteractionFact
{
    /// <summary>The interaction (the call id).</summary>
    public required string Id { get; init; }

    /// <summary>The call journal's version the fact reflects (events at or below it are in).</summary>
    public long Version { get; init; }

    /// <summary>Inbound or agent-initiated.</summary>
    public CallDirection Direction { get; init; }

    /// <summary>The calling number.</summary>
    public string? From { get; init; }

    /// <summary>The called number.</summary>
    public string? To { get; init; }

    /// <summary>When the call reached the platform (inbound) or the agent dialled (outbound).</summary>
    public DateTimeOffset StartedAt { get; init; }

    /// <summary>The IVR tree the caller entered, if any.</summary>
    public string? IvrTreeId { get; init; }

    /// <summary>When the caller entered the IVR.</summary>
    public DateTimeOffset? IvrEnteredAt { get; init; }

    /// <summary>The queue the call waited in first.</summary>
    public string? FirstQueueId { get; init; }

    /// <summary>The queue the call waited in last (where it was answered, abandoned or overflowed from).</summary>
    public string? QueueId { get; init; }

    /// <summary>When the call first entered a queue.</summary>
    public DateTimeOffset? QueuedAt { get; init; }

    /// <summary>When the call last entered a queue.</summary>
    public DateTimeOffset? LastQueuedAt { get; init; }

    /// <summary>How many times an agent's line rang for the call.</summary>
    public int Rings { get; init; }

    /// <summary>Agents whose line rang without an answer, in order.</summary>
    public ImmutableArray<string> MissedBy { get; init; } = [];

    /// <summary>When the last agent's line started ringing.</summary>
    public DateTimeOffset? LastRingAt { get; init; }

    /// <summary>The agent who talked with the customer (the last one, after a transfer).</summary>
    public string? AgentId { get; init; }

    /// <summary>Every agent who talked in the interaction (consulted and conferenced agents included), in order.</summary>
    public ImmutableArray<string> Agents { get; init; } = [];

    /// <summary>When the customer and the agent were first connected.</summary>
    public DateTimeOffset? AnsweredAt { get; init; }

    /// <summary>How long the line rang before the answer (REP-4).</summary>
    public TimeSpan? RingToAnswer { get; init; }

    /// <summary>How many times the customer was put on hold.</summary>
    public int Holds { get; init; }

    /// <summary>Time on hold, closed holds only.</summary>
    public TimeSpan HoldTime { get; init; }

    /// <summary>Start of the hold in progress, if any.</summary>
    public DateTimeOffset? HeldSince { get; init; }

    /// <summary>When the conversation ended.</summary>
    public DateTimeOffset? ConversationEndedAt { get; init; }

    /// <summary>Who ended the conversation.</summary>
    public CallParty? EndedBy { get; init; }

    /// <summary>When the interaction ended (after wrap-up, for an answered call).</summary>
    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>Why it ended; null while it is in progress.</summary>
    public CallEndReason? EndReason { get; init; }

    /// <summary>Where the caller hung up, for an abandoned call (REP-3).</summary>
    public AbandonPhase? AbandonPhase { get; init; }

    /// <summary>Where the call went when it left a queue without an agent (overflow, closed queue).</summary>
    public RoutingTarget? LeftQueueTo { get; init; }

    /// <summary>Why it left the queue ("overflow", "closed").</summary>
    public string? LeftQueueReason { get; init; }

    /// <summary>When the call left its queue without an agent.</summary>
    public DateTimeOffset? LeftQueueAt { get; init; }

    /// <summary>Transfers, oldest first.</summary>
    public ImmutableArray<InteractionTransfer> Transfers { get; init; } = [];

    /// <summary>How many times an agent consulted another.</summary>
    public int Consults { get; init; }

    /// <summary>True when the interaction became a three-party conference.</summary>
    public bool Conferenced { get; init; }

    /// <summary>Supervisors' listen-ins (each start or mode change), oldest first.</summary>
    public ImmutableArray<InteractionListenIn> ListenIns { get; init; } = [];

    /// <summary>The category the agent set.</summary>
    public string? CategoryId { get; init; }

    /// <summary>Notes, oldest first.</summary>
    public ImmutableArray<CallNote> Notes { get; init; } = [];

    /// <summary>Attached data (IVR choices, campaign, problem, caller identity).</summary>
    public ImmutableDictionary<string, string> Attributes { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>True once the interaction ended.</summary>
    public bool IsEnded => EndReason is not null;

    /// <summary>True when an agent talked with the customer.</summary>
    public bool IsAnswered => AnsweredAt is not null;

    /// <summary>From entering the first queue to the answer, or to leaving unanswered (null when never queued or still
    /// waiting).</summary>
    public TimeSpan? QueueWait => QueuedAt is { } queued && (AnsweredAt ?? LeftQueueAt ?? EndedAt) is { } until ? until - queued : null;

    /// <summary>From the answer to the end of the conversation.</summary>
    public TimeSpan? TalkTime => AnsweredAt is { } answered && ConversationEndedAt is { } ended ? ended - answered : null;

    /// <summary>After-call work: from the end of the conversation to the end of the interaction.</summary>
    public TimeSpan? WrapUpTime => ConversationEndedAt is { } conversation && EndedAt is { } ended ? ended - conversation : null;
}
