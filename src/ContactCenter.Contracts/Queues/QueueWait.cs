using ContactCenter.Contracts.Configuration;

namespace ContactCenter.Contracts.Queues;

/// <summary>Where one waiting item stands, for the announcement its caller hears (IVR-5): the queue's answer to
/// <see cref="IQueueGrain.GetWaitAsync"/>.</summary>
/// <param name="Position">1-based place in the order the queue offers its work; null when the item does not wait here
/// (answered, gone, or never arrived).</param>
/// <param name="ExpectedWait">How long the item can expect to wait from now: its position times the queue's measured
/// time between answers while work waits; null until the queue has measured it (since its activation).</param>
/// <param name="Treatment">The queue's current treatment of waiting callers.</param>
public sealed record QueueWait(int? Position, TimeSpan? ExpectedWait, QueueTreatment Treatment);
