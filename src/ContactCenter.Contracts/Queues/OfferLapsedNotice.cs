namespace ContactCenter.Contracts.Queues;

/// <summary>The agent no longer holds the offer (its reservation or ring deadline passed); the work is back at its place
/// and waits for another offer. The owner stops ringing that agent.</summary>
/// <param name="QueueId">The queue.</param>
/// <param name="WorkId">The work.</param>
/// <param name="AgentId">The agent the offer was made to.</param>
/// <param name="OfferId">The offer that lapsed.</param>
public sealed record OfferLapsedNotice(string QueueId, string WorkId, string AgentId, long OfferId) : QueueNotice(QueueId, WorkId);
