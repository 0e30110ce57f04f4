using System.Text.Json.Serialization;

namespace ContactCenter.Actors.Serialization;

/// <summary>Source-generated metadata for the values the runtime itself moves: primitives every interface may use and
/// the runtime's own records. Applications add their contexts with <c>AddSerializerContext</c>.</summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(decimal))]
[JsonSerializable(typeof(Guid))]
[JsonSerializable(typeof(DateTimeOffset))]
[JsonSerializable(typeof(DateTime))]
[JsonSerializable(typeof(TimeSpan))]
[JsonSerializable(typeof(byte[]))]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, string>))]
[JsonSerializable(typeof(ExceptionInfo))]
[JsonSerializable(typeof(StreamId))]
[JsonSerializable(typeof(StreamSequenceToken))]
[JsonSerializable(typeof(Streams.StreamSubscriber))]
[JsonSerializable(typeof(Streams.StreamSubscriptionsState))]
[JsonSerializable(typeof(TickStatus))]
internal sealed partial class ActorJsonContext : JsonSerializerContext;
