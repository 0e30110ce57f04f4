using System.Text.Json.Serialization;

namespace ContactCenter.Actors.Tests.Grains;

[JsonSerializable(typeof(CounterState))]
[JsonSerializable(typeof(AccountState))]
[JsonSerializable(typeof(AccountEvent))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(ChatLine))]
internal sealed partial class TestJsonContext : JsonSerializerContext;
