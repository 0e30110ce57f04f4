using System.Collections.Immutable;
using System.Text.Json.Serialization;
using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Queues.Events;
using ContactCenter.Contracts.Routing;

namespace ContactCenter.Contracts.Queues;

/// <summary>Serializer metadata of <see cref="IQueueGrain"/>'s arguments and results and of the queue's journal events;
/// every silo and client that calls queues registers it.</summary>
[JsonSerializable(typeof(EnqueueRequest))]
[JsonSerializable(typeof(EnqueueResult))]
[JsonSerializable(typeof(QueueCommandResult))]
[JsonSerializable(typeof(QueueSnapshot))]
[JsonSerializable(typeof(QueueWait))]
[JsonSerializable(typeof(QueueEvent))]
[JsonSerializable(typeof(WorkItem))]
[JsonSerializable(typeof(ImmutableArray<WorkItem>))]
[JsonSerializable(typeof(AgentSnapshot))]
[JsonSerializable(typeof(PullDecision))]
[JsonSerializable(typeof(QueueNotice))]
[JsonSerializable(typeof(long?))]
[JsonSerializable(typeof(LiveViews.QueueLiveStatus))]
[JsonSerializable(typeof(ReleaseReason))]
[JsonSerializable(typeof(string))]
public sealed partial class QueueJsonContext : JsonSerializerContext;
