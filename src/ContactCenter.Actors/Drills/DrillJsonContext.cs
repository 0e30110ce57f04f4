using System.Text.Json.Serialization;

namespace ContactCenter.Actors.Drills;

/// <summary>Serializer metadata of the drill grain's arguments, results, state and events.</summary>
[JsonSerializable(typeof(DrillStatus))]
[JsonSerializable(typeof(DrillState))]
[JsonSerializable(typeof(DrillAppended))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(string))]
internal sealed partial class DrillJsonContext : JsonSerializerContext;
