using System.Text.Json.Serialization;

namespace ContactCenter.Contracts.Queues.Events;

/// <summary>A fact in a queue's journal; the queue's state is the fold of these, and projections (queue figures,
/// interaction facts) read them.</summary>
/// <param name="At">When it happened, on the runtime's clock.</param>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$event")]
[JsonDerivedType(typeof(WorkQueued), "work-queued")]
[JsonDerivedType(typeof(WorkOffered), "work-offered")]
[JsonDerivedType(typeof(WorkClaimed), "work-claimed")]
[JsonDerivedType(typeof(OfferReturned), "offer-returned")]
[JsonDerivedType(typeof(QueuedWorkAnswered), "work-answered")]
[JsonDerivedType(typeof(QueuedWorkAbandoned), "work-abandoned")]
[JsonDerivedType(typeof(QueuedWorkWithdrawn), "work-withdrawn")]
[JsonDerivedType(typeof(WorkOverflowed), "work-overflowed")]
[JsonDerivedType(typeof(WorkClosedOut), "work-closed-out")]
[JsonDerivedType(typeof(QueueAgentJoined), "agent-joined")]
[JsonDerivedType(typeof(QueueAgentLeft), "agent-left")]
[JsonDerivedType(typeof(QueueCountersReset), "counters-reset")]
public abstract record QueueEvent(DateTimeOffset At);
