using System.Text.Json.Serialization;
using ContactCenter.Contracts.Calls.Events;

namespace ContactCenter.Grains.Calls;

/// <summary>Serializer metadata of the call grain's journal snapshot and events.</summary>
[JsonSerializable(typeof(CallJournalState))]
[JsonSerializable(typeof(CallEvent))]
internal sealed partial class CallGrainJsonContext : JsonSerializerContext;
