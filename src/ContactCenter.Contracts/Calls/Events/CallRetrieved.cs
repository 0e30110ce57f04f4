namespace ContactCenter.Contracts.Calls.Events;

/// <summary>The agent took the customer off hold.</summary>
/// <param name="At">When.</param>
/// <param name="AgentId">The agent.</param>
public sealed record CallRetrieved(DateTimeOffset At, string AgentId) : CallEvent(At);
