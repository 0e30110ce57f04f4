using ContactCenter.Contracts.Configuration;

namespace ContactCenter.Contracts.Queues.Events;

/// <summary>Work arrived while the queue was closed (business hours, holiday); it never entered the queue and the
/// queue's closed action applies.</summary>
/// <param name="At">When.</param>
/// <param name="WorkId">The work.</param>
/// <param name="Action">The closed action to carry out.</param>
/// <param name="HolidayName">The holiday whose hours applied, if any.</param>
public sealed record WorkClosedOut(DateTimeOffset At, string WorkId, ClosedAction Action, string? HolidayName)
    : QueueEvent(At);
