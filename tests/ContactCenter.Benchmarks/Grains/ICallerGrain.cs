namespace ContactCenter.Benchmarks.Grains;

/// <summary>Calls another grain on the same silo from inside its own turn (grain-to-grain calls).</summary>
public interface ICallerGrain : IGrainWithStringKey
{
    /// <summary>Calls <see cref="IPingGrain.Ping"/> on the grain keyed <c>{own key}-target</c> <paramref name="count"/>
    /// times, one after another; returns the sum of the answers.</summary>
    Task<int> CallPing(int count);
}
