using System.Collections.Immutable;
using ContactCenter.Contracts.Configuration;

namespace ContactCenter.Contracts.Routing;

/// <summary>A piece of work waiting in a queue: a call, a chat or another interaction, as routing sees it.</summary>
public sealed record WorkItem
{
    /// <summary>The interaction id (call id, chat id).</summary>
    public required string Id { get; init; }

    /// <summary>The queue the work waits in.</summary>
    public required string QueueId { get; init; }

    /// <summary>The medium; it decides which agent capacity the work takes.</summary>
    public Medium Medium { get; init; } = Medium.Voice;

    /// <summary>The queue's priority when the work arrived.</summary>
    public int QueuePriority { get; init; }

    /// <summary>Extra priority from the caller (contact status such as VIP, IVR choice).</summary>
    public int CallerBoost { get; init; }

    /// <summary>Work priority = queue priority + caller boost; higher is served first.</summary>
    public int Priority => QueuePriority + CallerBoost;

    /// <summary>Skills the work needs (the queue's plus any the IVR added).</summary>
    public ImmutableArray<SkillRequirement> RequiredSkills { get; init; } = [];

    /// <summary>When the work entered the queue; its place is kept across re-offers.</summary>
    public required DateTimeOffset ArrivedAt { get; init; }

    /// <summary>The queue's enqueue counter, stamped by the waiting list: the last tie-break, so equal arrivals keep
    /// their enqueue order.</summary>
    public long Sequence { get; init; }

    /// <summary>The agent who last handled this caller, when sticky routing applies (ROUTE-6).</summary>
    public string? StickyAgentId { get; init; }

    /// <summary>Until when the work is held for <see cref="StickyAgentId"/>.</summary>
    public DateTimeOffset? StickyUntil { get; init; }

    /// <summary>Agents who let an offer of this work ring out (ROUTE-7); they rank after every other agent.</summary>
    public ImmutableArray<string> MissedBy { get; init; } = [];

    /// <summary>True when at <paramref name="now"/> the work is held for its sticky agent (set aside for others).</summary>
    public bool IsHeldAt(DateTimeOffset now) => StickyAgentId is not null && StickyUntil is { } until && now < until;
}
