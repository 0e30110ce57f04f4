namespace ContactCenter.Actors;

/// <summary>Provider of versioned state documents. Every write is a compare-and-swap: it succeeds only when the stored
/// version equals <c>expectedVersion</c> (0 = nothing stored yet) and then stores <c>expectedVersion + 1</c>;
/// otherwise it throws <see cref="InconsistentStateException"/> and changes nothing.</summary>
public interface IGrainStateStorage
{
    Task<StoredState> ReadAsync(string stateName, GrainId grainId, CancellationToken cancellationToken);

    /// <summary>Stores <paramref name="json"/>; returns the new version.</summary>
    Task<long> WriteAsync(string stateName, GrainId grainId, string json, long expectedVersion, CancellationToken cancellationToken);

    /// <summary>Removes the document but keeps its version moving forward (a tombstone), so a stale writer still
    /// fails; returns the new version.</summary>
    Task<long> ClearAsync(string stateName, GrainId grainId, long expectedVersion, CancellationToken cancellationToken);
}
