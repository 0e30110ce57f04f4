namespace ContactCenter.Contracts.Calls.Events;

/// <summary>The call is over.</summary>
/// <param name="At">When.</param>
/// <param name="Reason">Why.</param>
/// <param name="Detail">More, for people (the forward target, the failure).</param>
public sealed record CallEnded(DateTimeOffset At, CallEndReason Reason, string? Detail = null) : CallEvent(At);
