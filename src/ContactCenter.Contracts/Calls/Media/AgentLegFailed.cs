namespace ContactCenter.Contracts.Calls.Media;

/// <summary>Ringing the agent ended without an answer.</summary>
/// <param name="CallId">The call.</param>
/// <param name="AgentId">The agent.</param>
/// <param name="Reason">Why.</param>
public sealed record AgentLegFailed(string CallId, string AgentId, AgentLegFailure Reason) : CallMediaEvent(CallId);
