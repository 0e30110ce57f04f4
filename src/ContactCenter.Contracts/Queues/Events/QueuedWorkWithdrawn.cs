namespace ContactCenter.Contracts.Queues.Events;

/// <summary>The work was taken out of the queue by its owner (e.g. transferred elsewhere) without being answered or
/// abandoned here.</summary>
/// <param name="At">When.</param>
/// <param name="WorkId">The work.</param>
/// <param name="Waited">Time from arrival to withdrawal.</param>
/// <param name="Reason">Free text for people and logs.</param>
/// <param name="OfferedTo">The agent the work was offered to at the time, if any.</param>
public sealed record QueuedWorkWithdrawn(DateTimeOffset At, string WorkId, TimeSpan Waited, string? Reason,
    string? OfferedTo) : QueueEvent(At);
