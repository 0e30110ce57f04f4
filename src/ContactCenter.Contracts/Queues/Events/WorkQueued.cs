using ContactCenter.Contracts.Routing;

namespace ContactCenter.Contracts.Queues.Events;

/// <summary>Work entered the queue; its place is fixed by its priority and arrival (the waiting list stamps the
/// enqueue sequence when the event is applied). Counts as offered to the queue.</summary>
public sealed record WorkQueued(DateTimeOffset At, WorkItem Work) : QueueEvent(At);
