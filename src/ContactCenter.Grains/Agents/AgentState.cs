using System.Collections.Immutable;
using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.Routing;

namespace ContactCenter.Grains.Agents;

/// <summary>An agent's state as the fold of its journal (<see cref="Apply"/>): presence, the occupied slots, queue
/// log-ins, counters and the recent displayed-state history. Immutable; the agent grain holds the current value and
/// <see cref="AgentRules"/> decides which events a command raises.</summary>
public sealed partial record AgentState
{
    /// <summary>Displayed-state intervals kept in the grain's state; older ones live in the journal's projection.</summary>
    public const int HistoryLimit = 500;

    /// <summary>Recent misses kept in the grain's state. Misses are chronological and only the newest can be in a
    /// policy's window, so keeping the last <see cref="MissLimit"/> decides exactly whether any policy with at most
    /// that many misses fires.</summary>
    public const int MissLimit = 100;

    /// <summary>A never logged-in agent.</summary>
    public static AgentState Initial { get; } = new();

    /// <summary>The profile applied at the last log-in or refresh; null before the first log-in.</summary>
    public AgentProfile? Profile { get; init; }

    /// <summary>Presence.</summary>
    public Presence Presence { get; init; }

    /// <summary>The persistent line the agent holds (opening or up); null for ring per call, while logged out, or after
    /// the line was lost.</summary>
    public AgentLine? Line { get; init; }

    /// <summary>The pause reason while paused.</summary>
    public string? PauseCodeId { get; init; }

    /// <summary>Since when the presence (and pause reason) holds.</summary>
    public DateTimeOffset PresenceSince { get; init; }

    /// <summary>Start of the log-in session; null while logged out.</summary>
    public DateTimeOffset? LoggedInSince { get; init; }

    /// <summary>The reason of the last log-out.</summary>
    public string? LogoutReason { get; init; }

    /// <summary>Queues the agent is logged in to, with its priority for each.</summary>
    public ImmutableArray<AgentQueuePriority> Queues { get; init; } = [];

    /// <summary>Occupied slots in reservation order.</summary>
    public ImmutableArray<AgentWork> Work { get; init; } = [];

    /// <summary>Since when no slot has been occupied (or since log-in).</summary>
    public DateTimeOffset IdleSince { get; init; }

    /// <summary>Since when at least one slot has been occupied; null while none is.</summary>
    public DateTimeOffset? OccupiedSince { get; init; }

    /// <summary>When the last event happened.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Figures of the counting period.</summary>
    public AgentCounters Counters { get; init; } = new();

    /// <summary>When the agent's most recent offers rang out (at most <see cref="MissLimit"/>, oldest first), since the
    /// no-answer policy last fired; the no-answer policy counts those in its window. Answering does not clear them.</summary>
    public ImmutableArray<DateTimeOffset> RecentMisses { get; init; } = [];

    /// <summary>The last <see cref="HistoryLimit"/> displayed-state intervals, oldest first; the last one is open.</summary>
    public ImmutableArray<AgentStatusInterval> History { get; init; } = [];

    /// <summary>The displayed state by ARCHITECTURE.md's rule (<see cref="AgentStateRules.Display"/>).</summary>
    public DisplayedAgentState Display() =>
        AgentStateRules.Display(Presence, PauseCodeId, [.. Work.Select(w => w.ToMediumActivity())]);

    /// <summary>The slot holding <paramref name="workId"/>, or null.</summary>
    public AgentWork? FindWork(string workId)
    {
        foreach (var work in Work)
        {
            if (string.Equals(work.WorkId, workId, StringComparison.Ordinal))
            {
                return work;
            }
        }
        return null;
    }

    /// <summary>The profile's membership of <paramref name="queueId"/>, or null.</summary>
    public QueueMembership? FindMembership(string queueId)
    {
        if (Profile is null)
        {
            return null;
        }
        foreach (var membership in Profile.Queues)
        {
            if (string.Equals(membership.QueueId, queueId, StringComparison.Ordinal))
            {
                return membership;
            }
        }
        return null;
    }

    /// <summary>True when the agent is logged in to <paramref name="queueId"/>.</summary>
    public bool IsInQueue(string queueId) =>
        Queues.Any(q => string.Equals(q.QueueId, queueId, StringComparison.Ordinal));

    /// <summary>The part of [<paramref name="from"/>, <paramref name="to"/>) inside the counting period.</summary>
    private TimeSpan Counted(DateTimeOffset? from, DateTimeOffset to)
    {
        if (from is not { } start)
        {
            return TimeSpan.Zero;
        }
        if (start < Counters.Since)
        {
            start = Counters.Since;
        }
        return to > start ? to - start : TimeSpan.Zero;
    }
}
