using System.Text.Json.Serialization;
using ContactCenter.Contracts.Agents.Events;

namespace ContactCenter.Grains.Agents;

/// <summary>Serializer metadata of the agent grain's journal snapshot and events.</summary>
[JsonSerializable(typeof(AgentJournalState))]
[JsonSerializable(typeof(AgentEvent))]
internal sealed partial class AgentGrainJsonContext : JsonSerializerContext;
