using System.Collections.Immutable;
using ContactCenter.Contracts.Queues;

namespace ContactCenter.Contracts.LiveViews;

/// <summary>The live figures of a site for supervisors and wallboards (SUP-2, SUP-5): every queue's waiting work and
/// today's counters, their totals, and how many agents show each state. "Today" is the day in the site's time zone.</summary>
/// <param name="SiteId">The site.</param>
/// <param name="Position">The journal position the figures reflect.</param>
/// <param name="At">When the last event they reflect happened.</param>
/// <param name="DayStart">Start of the site's day the counters cover (local midnight).</param>
/// <param name="Queues">Every queue with events, by id; counters since <paramref name="DayStart"/>.</param>
/// <param name="Totals">The queues' counters summed (longest waits: the maximum).</param>
/// <param name="Waiting">Work waiting in all queues.</param>
/// <param name="OldestArrival">Arrival of the longest-waiting work in any queue; null when none waits.</param>
/// <param name="Agents">Agents by displayed state.</param>
public sealed record SiteLiveStatus(string SiteId, long Position, DateTimeOffset At, DateTimeOffset DayStart,
    ImmutableArray<QueueLiveStatus> Queues, QueueCounters Totals, int Waiting, DateTimeOffset? OldestArrival, AgentStateCounts Agents);
