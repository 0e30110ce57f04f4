using System.Collections.Immutable;
using ContactCenter.Contracts.Queues;

namespace ContactCenter.Contracts.LiveViews;

/// <summary>A queue's figures after a change, for live views (the waiting list itself is in
/// <see cref="IQueueGrain.GetSnapshotAsync"/>).</summary>
/// <param name="QueueId">The queue.</param>
/// <param name="Version">The queue's journal version after the change.</param>
/// <param name="At">When.</param>
/// <param name="Waiting">Work waiting, offered work included.</param>
/// <param name="Offered">Waiting work currently offered to an agent.</param>
/// <param name="OldestArrival">Arrival of the longest-waiting work; null when none waits (the longest wait is now
/// minus this, so a view can tick it without further messages).</param>
/// <param name="Agents">Agents logged in to the queue.</param>
/// <param name="Counters">Figures of the counting period.</param>
public sealed record QueueLiveStatus(string QueueId, long Version, DateTimeOffset At, int Waiting, int Offered,
    DateTimeOffset? OldestArrival, ImmutableArray<string> Agents, QueueCounters Counters);
