using ContactCenter.Contracts.Routing;

namespace ContactCenter.Contracts.Queues.Events;

/// <summary>Work entered the queue; its place is fixed by its priority and arrival (the waiting list stamps the
/// enqueue sequence when the event is applied). Counts as offered to the queue.</summary>
/// <param name="At">When.</param>
/// <param name="Work">The work as routing sees it.</param>
/// <param name="Owner">The grain told of the work's offers and overflow; null when none.</param>
public sealed record WorkQueued(DateTimeOffset At, WorkItem Work, IWorkOwner? Owner = null) : QueueEvent(At);
