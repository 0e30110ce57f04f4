using System.Text.Json;
using System.Text.Json.Serialization;
using ContactCenter.Contracts.Reporting;

namespace ContactCenter.Storage.Reporting;

/// <summary>Serializer metadata of <see cref="InteractionFact"/> in the style of the configuration documents (camelCase,
/// enums as strings): what the PostgreSQL store keeps in the <c>data</c> jsonb column. Read-only members
/// (<see cref="InteractionFact.IsEnded"/>, <see cref="InteractionFact.QueueWait"/>, …) are derived from the stored ones,
/// so they are left out. Facts are stored whole, as serialization writes them, so the source generator's zero values
/// for missing init-only members (dotnet/runtime#84484) never apply.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true, IgnoreReadOnlyProperties = true)]
[JsonSerializable(typeof(InteractionFact))]
internal sealed partial class InteractionFactJsonContext : JsonSerializerContext;
