namespace ContactCenter.Contracts.Calls.Events;

/// <summary>The second agent left the call (cancelled, rang out, declined, hung up, or the conversation ended); the
/// call's agent stays with the customer.</summary>
/// <param name="At">When.</param>
/// <param name="AgentId">The second agent.</param>
/// <param name="Answered">True when it had answered (its conversation ended; wrap-up follows on its agent grain).</param>
/// <param name="Reason">Why, for people.</param>
public sealed record ConsultEnded(DateTimeOffset At, string AgentId, bool Answered, string Reason) : CallEvent(At);
