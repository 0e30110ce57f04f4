using System.Text.Json.Serialization;

namespace ContactCenter.Contracts.LiveViews;

/// <summary>Serializer metadata of the site aggregate's calls and stream items.</summary>
[JsonSerializable(typeof(SiteLiveStatus))]
public sealed partial class LiveViewJsonContext : JsonSerializerContext;
