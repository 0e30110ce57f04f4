using System.Collections.Immutable;
using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Routing;

namespace ContactCenter.Grains.Agents;

public sealed partial record AgentState
{
    /// <summary>What routing needs to know of the agent at <paramref name="now"/>.</summary>
    /// <remarks>A medium is ready unless one of its slots is in wrap-up: after-call work comes before the next offer of
    /// that medium (ROUTE-8); with voice capacity 1 the busy slot itself already blocks the next call.</remarks>
    public AgentSnapshot ToSnapshot(string agentId, DateTimeOffset now)
    {
        var slots = ImmutableArray.CreateBuilder<MediumSlot>();
        if (Profile is not null)
        {
            foreach (var capacity in Profile.Capacities.Where(c => c.Max > 0))
            {
                var inUse = Work.Count(w => w.Medium == capacity.Medium);
                var ready = !Work.Any(w => w.Medium == capacity.Medium && w.Activity == AgentActivity.WrapUp);
                slots.Add(new MediumSlot(capacity.Medium, capacity.Max, inUse, ready));
            }
        }
        return new AgentSnapshot
        {
            AgentId = agentId,
            Presence = Presence,
            PauseCodeId = PauseCodeId,
            Queues = Queues,
            Slots = slots.ToImmutable(),
            Skills = Profile?.Skills ?? [],
            IdleSince = IdleSince,
            Occupancy = Occupancy(now),
            HandledCount = Counters.Handled,
        };
    }

    /// <summary>Share of the counting period's logged-in time with at least one slot occupied, 0-1.</summary>
    public double Occupancy(DateTimeOffset now)
    {
        var loggedIn = Counters.LoggedInTime + Counted(LoggedInSince, now);
        var occupied = Counters.OccupiedTime + Counted(OccupiedSince, now);
        return loggedIn > TimeSpan.Zero ? Math.Min(1.0, occupied / loggedIn) : 0.0;
    }

    /// <summary>The full status for the workspace and supervisors.</summary>
    public AgentStatus ToStatus(string agentId, long version) => new()
    {
        AgentId = agentId,
        Name = Profile?.Name,
        Presence = Presence,
        PauseCodeId = PauseCodeId,
        Displayed = Display(),
        DisplayedSince = History.IsEmpty ? PresenceSince : History[^1].Start,
        LoggedInSince = LoggedInSince,
        Queues = Queues,
        Work = Work,
        Line = Line?.State ?? AgentLineState.None,
        Counters = Counters,
        Version = version,
    };

    /// <summary>The intervals that overlap or start in [<paramref name="from"/>, <paramref name="to"/>), oldest first
    /// (an instantaneous interval at <paramref name="from"/> is included).</summary>
    public ImmutableArray<AgentStatusInterval> HistoryBetween(DateTimeOffset from, DateTimeOffset to) =>
        [.. History.Where(i => i.Start < to && (i.Start >= from || i.End is null || i.End > from))];
}
