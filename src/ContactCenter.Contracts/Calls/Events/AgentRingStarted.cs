namespace ContactCenter.Contracts.Calls.Events;

/// <summary>An agent holds an offer of the call and its line rings.</summary>
/// <param name="At">When.</param>
/// <param name="AgentId">The agent.</param>
/// <param name="QueueId">The queue that offered the call; null for a call routed or dialled directly.</param>
/// <param name="RingUntil">When the call gives up on this agent.</param>
/// <param name="WrapUpTime">The agent's after-call work time for this call.</param>
/// <param name="OfferId">The queue's id of the offer; null for a call routed or dialled directly.</param>
public sealed record AgentRingStarted(DateTimeOffset At, string AgentId, string? QueueId, DateTimeOffset RingUntil,
    TimeSpan WrapUpTime, long? OfferId = null) : CallEvent(At);
