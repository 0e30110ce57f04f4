using ContactCenter.Contracts.Configuration;

namespace ContactCenter.Contracts.Queues;

/// <summary>The queue's answer to <see cref="IQueueGrain.EnqueueAsync"/>.</summary>
/// <param name="Outcome">What became of the work.</param>
/// <param name="Error">Why it was refused, when it was.</param>
/// <param name="OfferedTo">The agent the work was offered to, for <see cref="EnqueueOutcome.Offered"/>.</param>
/// <param name="Position">0-based place in the waiting order, while the work is in the queue.</param>
/// <param name="OverflowTarget">Where the work goes, for <see cref="EnqueueOutcome.Overflowed"/>.</param>
/// <param name="ClosedAction">The action to carry out, for <see cref="EnqueueOutcome.Closed"/>.</param>
/// <param name="Message">A sentence for people and logs.</param>
/// <param name="Treatment">How the queue treats its waiting callers (music, announcements, keys), while the work is in
/// the queue.</param>
public sealed record EnqueueResult(EnqueueOutcome Outcome, QueueCommandError? Error = null, string? OfferedTo = null,
    int? Position = null, RoutingTarget? OverflowTarget = null, ClosedAction? ClosedAction = null, string? Message = null,
    QueueTreatment? Treatment = null);
