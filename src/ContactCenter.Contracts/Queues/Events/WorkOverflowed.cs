using ContactCenter.Contracts.Configuration;

namespace ContactCenter.Contracts.Queues.Events;

/// <summary>An overflow rule fired (ROUTE-4); the work leaves the queue and goes to <paramref name="Target"/>.</summary>
/// <param name="At">When.</param>
/// <param name="WorkId">The work.</param>
/// <param name="RuleIndex">The index of the rule that fired in the queue's rules.</param>
/// <param name="Condition">The rule's condition.</param>
/// <param name="Target">Where the work goes.</param>
/// <param name="Waited">Time from arrival to overflow (zero on arrival).</param>
public sealed record WorkOverflowed(DateTimeOffset At, string WorkId, int RuleIndex, OverflowCondition Condition,
    RoutingTarget Target, TimeSpan Waited) : QueueEvent(At);
