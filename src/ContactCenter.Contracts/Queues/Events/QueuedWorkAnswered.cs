namespace ContactCenter.Contracts.Queues.Events;

/// <summary>An agent answered the work; it leaves the queue.</summary>
/// <param name="At">When.</param>
/// <param name="WorkId">The work.</param>
/// <param name="AgentId">The agent who answered.</param>
/// <param name="Waited">Time from arrival to answer.</param>
/// <param name="WithinSla">True when <paramref name="Waited"/> was within the queue's SLA threshold.</param>
public sealed record QueuedWorkAnswered(DateTimeOffset At, string WorkId, string AgentId, TimeSpan Waited, bool WithinSla)
    : QueueEvent(At);
