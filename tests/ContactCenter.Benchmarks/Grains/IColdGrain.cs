namespace ContactCenter.Benchmarks.Grains;

/// <summary>A grain that is only ever called once per key: every call pays for an activation.</summary>
[PreferLocalPlacement]
public interface IColdGrain : IGrainWithStringKey
{
    Task<int> Touch();
}
