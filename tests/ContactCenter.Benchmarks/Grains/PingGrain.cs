namespace ContactCenter.Benchmarks.Grains;

public sealed class PingGrain : Grain, IPingGrain
{
    // Benchmarks pass small values, whose completed tasks the runtime caches: the figures show the runtime's
    // allocations, not the grain's.
    public Task<int> Ping(int value) => Task.FromResult(value);
}
