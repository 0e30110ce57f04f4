using ContactCenter.Contracts.Configuration;

namespace ContactCenter.Contracts.Queues;

/// <summary>An overflow rule fired while the work waited (ROUTE-4): it left the queue and the owner takes it to
/// <paramref name="Target"/>.</summary>
/// <param name="QueueId">The queue.</param>
/// <param name="WorkId">The work.</param>
/// <param name="Target">Where the work goes.</param>
public sealed record WorkOverflowedNotice(string QueueId, string WorkId, RoutingTarget Target) : QueueNotice(QueueId, WorkId);
