namespace ContactCenter.Contracts.Calls.Media;

/// <summary>The agent's leg ended (the agent hung up the phone).</summary>
/// <param name="CallId">The call.</param>
/// <param name="AgentId">The agent.</param>
public sealed record AgentHungUp(string CallId, string AgentId) : CallMediaEvent(CallId);
