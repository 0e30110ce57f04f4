using System.Collections.Immutable;
using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Configuration;

namespace ContactCenter.Contracts.Routing;

/// <summary>What routing knows of an agent at decision time; the agent grain publishes it to its queues.</summary>
public sealed record AgentSnapshot
{
    /// <summary>The agent.</summary>
    public required string AgentId { get; init; }

    /// <summary>Presence; only <see cref="Presence.Available"/> agents receive offers.</summary>
    public Presence Presence { get; init; } = Presence.Available;

    /// <summary>Pause reason when paused.</summary>
    public string? PauseCodeId { get; init; }

    /// <summary>Queues the agent is logged in to, with its priority for each.</summary>
    public ImmutableArray<AgentQueuePriority> Queues { get; init; } = [];

    /// <summary>Readiness and load per medium; a medium not listed is not taken.</summary>
    public ImmutableArray<MediumSlot> Slots { get; init; } = [];

    /// <summary>Skills with levels.</summary>
    public ImmutableArray<SkillLevel> Skills { get; init; } = [];

    /// <summary>Since when the agent has had no interaction in progress (or since log-in).</summary>
    public DateTimeOffset IdleSince { get; init; }

    /// <summary>Share of logged-in time spent handling work over the agent grain's window, 0-1.</summary>
    public double Occupancy { get; init; }

    /// <summary>Interactions handled in the agent grain's counting period.</summary>
    public int HandledCount { get; init; }

    /// <summary>The agent is in a pull round: it takes its next work by pulling from all its queues at once (so earlier
    /// work elsewhere is not overtaken) and refuses pushes until the round ends; push routing passes it over.</summary>
    public bool Pulling { get; init; }

    /// <summary>The agent grain's version this snapshot shows (0 when taken inside a decision): of two snapshots of one
    /// agent, the higher version is the newer.</summary>
    public long Version { get; init; }
}
