namespace ContactCenter.Contracts.Queues.Events;

/// <summary>An agent logged in to the queue; push routing considers it from now on.</summary>
public sealed record QueueAgentJoined(DateTimeOffset At, string AgentId) : QueueEvent(At);
