using System.Text.Json.Serialization;

namespace ContactCenter.Benchmarks.Grains;

[JsonSerializable(typeof(LedgerState))]
[JsonSerializable(typeof(LedgerEvent))]
[JsonSerializable(typeof(Tick))]
internal sealed partial class BenchmarkJsonContext : JsonSerializerContext;
