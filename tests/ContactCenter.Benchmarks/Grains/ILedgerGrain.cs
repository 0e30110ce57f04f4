namespace ContactCenter.Benchmarks.Grains;

public interface ILedgerGrain : IGrainWithStringKey
{
    /// <summary>Raises one event and confirms it in the journal; returns the confirmed version.</summary>
    Task<long> Record(int amount);
}
