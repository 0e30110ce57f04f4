namespace ContactCenter.Benchmarks.Grains;

public sealed class ColdGrain : Grain, IColdGrain
{
    public Task<int> Touch() => Task.FromResult(1);
}
