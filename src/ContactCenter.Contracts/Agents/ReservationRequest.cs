using System.Collections.Immutable;
using ContactCenter.Contracts.Configuration;

namespace ContactCenter.Contracts.Agents;

/// <summary>A request for one capacity slot of an agent, made by a queue (or a direct route) before it offers work.</summary>
public sealed record ReservationRequest
{
    /// <summary>Default of <see cref="ReserveTimeout"/>.</summary>
    public static readonly TimeSpan DefaultReserveTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The interaction (call id, chat id).</summary>
    public required string WorkId { get; init; }

    /// <summary>The medium; it decides which capacity the work takes.</summary>
    public Medium Medium { get; init; } = Medium.Voice;

    /// <summary>The queue offering the work; the agent must be logged in to it. Null for work routed directly to the
    /// agent (ROUTE-1), which skips the queue check.</summary>
    public string? QueueId { get; init; }

    /// <summary>Skills the work needs.</summary>
    public ImmutableArray<SkillRequirement> RequiredSkills { get; init; } = [];

    /// <summary>The queue's after-call work time (ROUTE-8); zero frees the slot when the conversation ends.</summary>
    public TimeSpan WrapUpTime { get; init; }

    /// <summary>How long the offer may ring before the agent grain counts a miss and frees the slot. Default 20 s.</summary>
    public TimeSpan RingTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>How long the slot may stay reserved without ringing before the agent grain frees it. Default 10 s.</summary>
    public TimeSpan ReserveTimeout { get; init; } = DefaultReserveTimeout;

    /// <summary>True when the agent's own pull round chose the work (the queue claims it for the agent); such a request
    /// is not refused with <see cref="Routing.ExclusionReason.PullInProgress"/>.</summary>
    public bool Pulled { get; init; }
}
