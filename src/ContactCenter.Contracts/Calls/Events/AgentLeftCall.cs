namespace ContactCenter.Contracts.Calls.Events;

/// <summary>The call's agent left a call that goes on without it (a blind transfer to a queue); its conversation
/// ended and its wrap-up runs on its agent grain. The call is routed again next.</summary>
/// <param name="At">When.</param>
/// <param name="AgentId">The agent.</param>
public sealed record AgentLeftCall(DateTimeOffset At, string AgentId) : CallEvent(At);
