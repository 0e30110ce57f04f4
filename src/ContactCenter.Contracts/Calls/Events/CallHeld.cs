namespace ContactCenter.Contracts.Calls.Events;

/// <summary>The agent put the customer on hold.</summary>
/// <param name="At">When.</param>
/// <param name="AgentId">The agent.</param>
public sealed record CallHeld(DateTimeOffset At, string AgentId) : CallEvent(At);
