namespace ContactCenter.Contracts.Calls.Events;

/// <summary>The customer and the agent talk.</summary>
/// <param name="At">When.</param>
/// <param name="AgentId">The agent.</param>
public sealed record CallConnected(DateTimeOffset At, string AgentId) : CallEvent(At);
