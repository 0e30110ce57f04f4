namespace ContactCenter.Contracts.Calls.Events;

/// <summary>The customer, the call's agent and the consulted agent talk together.</summary>
/// <param name="At">When.</param>
/// <param name="AgentId">The call's agent.</param>
/// <param name="OtherAgentId">The consulted agent.</param>
public sealed record ConferenceStarted(DateTimeOffset At, string AgentId, string OtherAgentId) : CallEvent(At);
