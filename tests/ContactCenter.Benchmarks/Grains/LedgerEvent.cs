using System.Text.Json.Serialization;

namespace ContactCenter.Benchmarks.Grains;

[JsonPolymorphic]
[JsonDerivedType(typeof(AmountRecorded), "recorded")]
public abstract record LedgerEvent;
