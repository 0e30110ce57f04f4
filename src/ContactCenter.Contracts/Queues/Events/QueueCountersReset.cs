namespace ContactCenter.Contracts.Queues.Events;

/// <summary>A new counting period starts; waiting work stays.</summary>
public sealed record QueueCountersReset(DateTimeOffset At) : QueueEvent(At);
