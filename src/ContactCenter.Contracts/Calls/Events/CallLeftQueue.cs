using ContactCenter.Contracts.Configuration;

namespace ContactCenter.Contracts.Calls.Events;

/// <summary>The call left its queue without an agent: overflow while waiting, or the queue's closed action, sent it
/// to <paramref name="Target"/>.</summary>
/// <param name="At">When.</param>
/// <param name="QueueId">The queue it left.</param>
/// <param name="Target">Where it goes next.</param>
/// <param name="Reason">Why, for people ("overflow", "closed").</param>
public sealed record CallLeftQueue(DateTimeOffset At, string QueueId, RoutingTarget Target, string Reason) : CallEvent(At);
