using System.Collections.Immutable;
using ContactCenter.Contracts.Routing;

namespace ContactCenter.Contracts.Agents;

/// <summary>An agent's full current status, for the workspace and supervisors.</summary>
public sealed record AgentStatus
{
    /// <summary>The agent.</summary>
    public required string AgentId { get; init; }

    /// <summary>The agent's name as its profile gives it (for panels and grids); null before the profile was read.</summary>
    public string? Name { get; init; }

    /// <summary>The presence.</summary>
    public Presence Presence { get; init; }

    /// <summary>The pause reason when paused.</summary>
    public string? PauseCodeId { get; init; }

    /// <summary>The displayed state (ARCHITECTURE.md's rule).</summary>
    public required DisplayedAgentState Displayed { get; init; }

    /// <summary>Since when <see cref="Displayed"/> holds.</summary>
    public DateTimeOffset DisplayedSince { get; init; }

    /// <summary>Start of the current log-in session; null when logged out.</summary>
    public DateTimeOffset? LoggedInSince { get; init; }

    /// <summary>Queues the agent is logged in to, with its priority for each.</summary>
    public ImmutableArray<AgentQueuePriority> Queues { get; init; } = [];

    /// <summary>Occupied slots.</summary>
    public ImmutableArray<AgentWork> Work { get; init; } = [];

    /// <summary>The agent's persistent line (<see cref="Configuration.LineMode.PersistentLine"/>); <see cref="AgentLineState.None"/>
    /// for ring per call.</summary>
    public AgentLineState Line { get; init; }

    /// <summary>Figures of the counting period.</summary>
    public required AgentCounters Counters { get; init; }

    /// <summary>The journal version the status reflects.</summary>
    public long Version { get; init; }
}
