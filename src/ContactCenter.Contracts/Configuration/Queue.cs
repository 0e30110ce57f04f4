using System.Collections.Immutable;

namespace ContactCenter.Contracts.Configuration;

/// <summary>A queue ("project"): where work waits for agents, with its hours, overflow and routing settings. Changeable
/// at run time; the queue grain applies a new version to the work that arrives or is re-evaluated after it.</summary>
public sealed record Queue
{
    /// <summary>Document id (also the queue grain key).</summary>
    public required string Id { get; init; }

    /// <summary>Document version; every write is a compare-and-swap on it.</summary>
    public long Version { get; init; }

    /// <summary>Display name.</summary>
    public required string Name { get; init; }

    /// <summary>IANA time zone id (e.g. <c>Europe/Warsaw</c>) in which hours and holidays are evaluated.</summary>
    public string TimeZoneId { get; init; } = "UTC";

    /// <summary>Open ranges per weekday. Empty = open around the clock (holidays still apply).</summary>
    public ImmutableArray<WeekdayHours> BusinessHours { get; init; } = [];

    /// <summary>Dates whose hours replace the weekday hours.</summary>
    public ImmutableArray<Holiday> Holidays { get; init; } = [];

    /// <summary>What happens to work arriving while the queue is closed. Default: announce and end.</summary>
    public ClosedAction ClosedAction { get; init; } = new(ClosedActionKind.Announce);

    /// <summary>Overflow rules in evaluation order; the first that holds fires.</summary>
    public ImmutableArray<OverflowRule> Overflow { get; init; } = [];

    /// <summary>After-call work time given to the agent before the next offer (ROUTE-8). Default 0.</summary>
    public TimeSpan WrapUpTime { get; init; }

    /// <summary>How long an offer rings before it is withdrawn and re-offered (ROUTE-7). Default 20 s.</summary>
    public TimeSpan RingTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Answered within this wait counts as within service level. Default 20 s.</summary>
    public TimeSpan SlaThreshold { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Base priority of the queue's work, 0-100, higher first; work priority = this + caller boost.</summary>
    public int Priority { get; init; }

    /// <summary>Agent choice among equals. Default longest idle.</summary>
    public SelectionStrategy Strategy { get; init; } = SelectionStrategy.LongestIdle;

    /// <summary>Skills every item of the queue requires (items may add more).</summary>
    public ImmutableArray<SkillRequirement> RequiredSkills { get; init; } = [];

    /// <summary>How long a repeat caller's work is held for the agent who last handled them (ROUTE-6); zero turns
    /// sticky routing off. Default 0.</summary>
    public TimeSpan StickyWait { get; init; }

    /// <summary>What callers hear and may do while they wait (IVR-5). Default: music only.</summary>
    public QueueTreatment Treatment { get; init; } = new();

    /// <summary>Id of the no-answer policy applied to misses in this queue; null = the agent's policy.</summary>
    public string? NoAnswerPolicyId { get; init; }
}
