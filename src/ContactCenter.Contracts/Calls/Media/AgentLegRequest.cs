namespace ContactCenter.Contracts.Calls.Media;

/// <summary>Ring an agent for a call.</summary>
/// <param name="AgentId">The agent; the front end finds its line (registered phone, persistent line).</param>
/// <param name="CallerNumber">The number shown to the agent.</param>
/// <param name="RingTimeout">How long the front end lets it ring before reporting no answer.</param>
/// <param name="AutoAnswer">Ask a phone that supports it to answer by itself (the agent answers in the browser).</param>
public sealed record AgentLegRequest(string AgentId, string CallerNumber, TimeSpan RingTimeout, bool AutoAnswer = false);
