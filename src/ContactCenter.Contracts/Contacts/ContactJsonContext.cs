using System.Text.Json;
using System.Text.Json.Serialization;

namespace ContactCenter.Contracts.Contacts;

/// <summary>Serializer metadata of <see cref="Contact"/> (camelCase, enums as strings): the shape the PostgreSQL
/// directory stores in its jsonb column and the API returns.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(Contact))]
public sealed partial class ContactJsonContext : JsonSerializerContext;
