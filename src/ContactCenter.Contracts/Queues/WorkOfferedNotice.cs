namespace ContactCenter.Contracts.Queues;

/// <summary>The agent's arbiter reserved a slot for the work (pushed or pulled): the owner rings the agent.</summary>
/// <param name="QueueId">The queue.</param>
/// <param name="WorkId">The work.</param>
/// <param name="AgentId">The agent holding the offer.</param>
/// <param name="OfferId">Identifies this offer of the work; give it back with
/// <see cref="IQueueGrain.ReturnOfferAsync"/>.</param>
/// <param name="RingTimeout">The queue's ring timeout: how long the agent may ring before the offer comes back.</param>
/// <param name="WrapUpTime">The queue's after-call work time for the agent.</param>
public sealed record WorkOfferedNotice(string QueueId, string WorkId, string AgentId, long OfferId, TimeSpan RingTimeout,
    TimeSpan WrapUpTime)
    : QueueNotice(QueueId, WorkId);
