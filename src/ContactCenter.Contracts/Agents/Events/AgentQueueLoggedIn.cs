namespace ContactCenter.Contracts.Agents.Events;

/// <summary>The agent joined a queue with its priority for it.</summary>
public sealed record AgentQueueLoggedIn(DateTimeOffset At, string QueueId, int Priority, AgentActor By) : AgentEvent(At);
