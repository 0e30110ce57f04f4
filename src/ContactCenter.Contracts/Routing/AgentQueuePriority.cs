namespace ContactCenter.Contracts.Routing;

/// <summary>A queue the agent is logged in to, with the agent's priority for it (higher served first).</summary>
/// <param name="QueueId">The queue.</param>
/// <param name="Priority">The agent's priority for the queue.</param>
public sealed record AgentQueuePriority(string QueueId, int Priority);
