using System.Collections.Immutable;

namespace ContactCenter.Contracts.Queues;

/// <summary>A read-only view of a queue for supervisors: waiting work in order with wait times, logged-in agents and
/// counters.</summary>
/// <param name="QueueId">The queue.</param>
/// <param name="At">The snapshot's time.</param>
/// <param name="Version">The journal version the snapshot reflects.</param>
/// <param name="Waiting">Waiting work in the waiting order (offered work included, at its place).</param>
/// <param name="Agents">Agents logged in to the queue, ordinal order.</param>
/// <param name="LongestCurrentWait">The wait of the longest-waiting item now; zero when none waits.</param>
/// <param name="Counters">Figures of the counting period.</param>
public sealed record QueueSnapshot(string QueueId, DateTimeOffset At, long Version, ImmutableArray<WaitingWork> Waiting,
    ImmutableArray<string> Agents, TimeSpan LongestCurrentWait, QueueCounters Counters);
