namespace ContactCenter.Actors;

/// <summary>A grain that keeps a read model of the journal's global order up to date (<see cref="JournalProjectionGrain"/>).
/// Calling any method activates it; from then on it follows the journal by itself, and a reminder brings it back on
/// another silo when its silo dies.</summary>
public interface IJournalProjection : IGrainWithStringKey, IRemindable
{
    /// <summary>Reads and applies everything the journal holds now; returns the journal position the read model
    /// reflects.</summary>
    Task<long> CatchUpAsync();

    /// <summary>The journal position the read model reflects, without reading further.</summary>
    [ReadOnly]
    Task<long> GetPositionAsync();
}
