namespace ContactCenter.Contracts.Agents.Events;

/// <summary>The agent left a queue; its work from that queue continues.</summary>
public sealed record AgentQueueLoggedOut(DateTimeOffset At, string QueueId, AgentActor By) : AgentEvent(At);
