using System.Text.Json.Serialization;

namespace ContactCenter.Contracts.Queues;

/// <summary>What a queue tells the owner of queued work (<see cref="IWorkOwner"/>).</summary>
/// <param name="QueueId">The queue.</param>
/// <param name="WorkId">The work.</param>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$notice")]
[JsonDerivedType(typeof(WorkOfferedNotice), "offered")]
[JsonDerivedType(typeof(OfferLapsedNotice), "offer-lapsed")]
[JsonDerivedType(typeof(WorkOverflowedNotice), "overflowed")]
public abstract record QueueNotice(string QueueId, string WorkId);
