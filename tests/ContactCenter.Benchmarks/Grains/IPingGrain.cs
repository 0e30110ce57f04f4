namespace ContactCenter.Benchmarks.Grains;

/// <summary>The smallest useful grain call: one argument in, one value out, no state.</summary>
public interface IPingGrain : IGrainWithStringKey
{
    Task<int> Ping(int value);
}
