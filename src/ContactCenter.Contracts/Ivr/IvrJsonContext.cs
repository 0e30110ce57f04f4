using System.Text.Json;
using System.Text.Json.Serialization;

namespace ContactCenter.Contracts.Ivr;

/// <summary>Serializer metadata of <see cref="IvrTree"/> (camelCase, enums as strings, nodes told apart by their
/// <c>kind</c> member wherever it stands in the object): the shape the document store keeps, the admin API exchanges
/// and <c>samples/ivr/*.json</c> are written in. Source-generated deserialization gives an init-only member that is
/// missing from the JSON its type's zero value (0, null, a default array), not the initialiser's default
/// (dotnet/runtime#84484): trees are stored and sent whole, as serialization writes them, and validation rejects the
/// zeros that mean nothing (timeouts, language, time zone, accept digit, terminator, result path).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true,
    AllowOutOfOrderMetadataProperties = true)]
[JsonSerializable(typeof(IvrTree))]
public sealed partial class IvrJsonContext : JsonSerializerContext;
