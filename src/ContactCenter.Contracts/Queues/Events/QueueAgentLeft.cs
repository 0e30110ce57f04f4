namespace ContactCenter.Contracts.Queues.Events;

/// <summary>An agent logged out of the queue; an offer it already holds stays until answered or returned.</summary>
public sealed record QueueAgentLeft(DateTimeOffset At, string AgentId) : QueueEvent(At);
