namespace ContactCenter.Benchmarks.Grains;

/// <summary>A stream item.</summary>
public sealed record Tick(long Sequence);
