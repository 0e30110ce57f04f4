using System.Collections.Immutable;
using System.Text.Json.Serialization;
using ContactCenter.Contracts.Agents.Events;
using ContactCenter.Contracts.Routing;

namespace ContactCenter.Contracts.Agents;

/// <summary>Serializer metadata of <see cref="IAgentGrain"/>'s arguments and results and of the agent's journal events;
/// every silo and client that calls agents registers it.</summary>
[JsonSerializable(typeof(AgentCommandResult))]
[JsonSerializable(typeof(ReservationRequest))]
[JsonSerializable(typeof(ReservationResult))]
[JsonSerializable(typeof(AgentSnapshot))]
[JsonSerializable(typeof(AgentStatus))]
[JsonSerializable(typeof(ImmutableArray<AgentStatusInterval>))]
[JsonSerializable(typeof(AgentEvent))]
[JsonSerializable(typeof(AgentActor))]
[JsonSerializable(typeof(ReleaseReason))]
[JsonSerializable(typeof(AgentLineEvent))]
[JsonSerializable(typeof(DateTimeOffset))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(AgentRouterRun))]
[JsonSerializable(typeof(LiveViews.SupervisorAlert))]
public sealed partial class AgentJsonContext : JsonSerializerContext;
