namespace ContactCenter.Contracts.Calls.Events;

/// <summary>The call waits in a queue.</summary>
/// <param name="At">When.</param>
/// <param name="QueueId">The queue.</param>
/// <param name="CallerBoost">The work priority boost it was queued with.</param>
public sealed record CallQueued(DateTimeOffset At, string QueueId, int CallerBoost) : CallEvent(At);
