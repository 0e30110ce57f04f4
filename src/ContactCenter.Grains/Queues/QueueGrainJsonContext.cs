using System.Text.Json.Serialization;
using ContactCenter.Contracts.Queues.Events;

namespace ContactCenter.Grains.Queues;

/// <summary>Serializer metadata of the queue grain's journal snapshot and events.</summary>
[JsonSerializable(typeof(QueueJournalState))]
[JsonSerializable(typeof(QueueEvent))]
[JsonSerializable(typeof(WaitingListData))]
internal sealed partial class QueueGrainJsonContext : JsonSerializerContext;
