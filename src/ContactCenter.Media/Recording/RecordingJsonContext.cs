using System.Text.Json.Serialization;

namespace ContactCenter.Media.Recording;

/// <summary>Source-generated JSON for the recording sidecar (no reflection at run time).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(RecordingMetadata))]
internal sealed partial class RecordingJsonContext : JsonSerializerContext
{
}
