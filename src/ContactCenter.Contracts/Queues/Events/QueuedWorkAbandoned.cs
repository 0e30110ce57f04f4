namespace ContactCenter.Contracts.Queues.Events;

/// <summary>The caller hung up while the work waited; it leaves the queue and counts as abandoned (lost).</summary>
/// <param name="At">When.</param>
/// <param name="WorkId">The work.</param>
/// <param name="Waited">Time from arrival to hang-up.</param>
/// <param name="OfferedTo">The agent the work was offered to at the time (abandoned while ringing), if any.</param>
public sealed record QueuedWorkAbandoned(DateTimeOffset At, string WorkId, TimeSpan Waited, string? OfferedTo)
    : QueueEvent(At);
