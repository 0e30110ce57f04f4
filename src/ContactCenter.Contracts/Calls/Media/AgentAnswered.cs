namespace ContactCenter.Contracts.Calls.Media;

/// <summary>The agent's leg answered.</summary>
/// <param name="CallId">The call.</param>
/// <param name="AgentId">The agent.</param>
public sealed record AgentAnswered(string CallId, string AgentId) : CallMediaEvent(CallId);
