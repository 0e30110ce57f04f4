using System.Text.Json;
using System.Text.Json.Serialization;

namespace ContactCenter.Storage.Registrations;

/// <summary>Serializer metadata of the bindings the PostgreSQL store keeps in its jsonb column (camelCase).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(PhoneBinding[]))]
internal sealed partial class PhoneRegistrationJsonContext : JsonSerializerContext;
