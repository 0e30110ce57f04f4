using System.Collections.Immutable;

namespace ContactCenter.Contracts.Configuration;

/// <summary>An agent's routing profile: skills, queues and priorities, capacities, phone.</summary>
public sealed record AgentProfile
{
    /// <summary>Document id (also the agent grain key).</summary>
    public required string Id { get; init; }

    /// <summary>Document version; every write is a compare-and-swap on it.</summary>
    public long Version { get; init; }

    /// <summary>Display name.</summary>
    public required string Name { get; init; }

    /// <summary>Skills with levels 1-10.</summary>
    public ImmutableArray<SkillLevel> Skills { get; init; } = [];

    /// <summary>Queues the agent may serve, with priority and self-service flag.</summary>
    public ImmutableArray<QueueMembership> Queues { get; init; } = [];

    /// <summary>Capacity per medium; a medium not listed has capacity 0. Default: one voice call.</summary>
    public ImmutableArray<MediumCapacity> Capacities { get; init; } = [new(Medium.Voice, 1)];

    /// <summary>Ring per call (default) or persistent line.</summary>
    public LineMode LineMode { get; init; } = LineMode.RingPerCall;

    /// <summary>The agent's phone: SIP user, extension or number the front end rings; null = no voice device yet.</summary>
    public string? Phone { get; init; }

    /// <summary>External (e.g. mobile) numbers the agent can be reached on.</summary>
    public ImmutableArray<string> ExternalNumbers { get; init; } = [];

    /// <summary>Id of the no-answer policy for this agent; null = the site default.</summary>
    public string? NoAnswerPolicyId { get; init; }
}
