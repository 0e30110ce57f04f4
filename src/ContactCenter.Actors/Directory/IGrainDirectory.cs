namespace ContactCenter.Actors;

/// <summary>Provider of the grain directory: which silo owns the single activation of each grain. Rows are claimed
/// atomically; a row may be taken over only from a silo the membership table says is dead (or that has no row: it
/// never joined, or its row was removed after death), and a dead candidate may claim nothing.</summary>
public interface IGrainDirectory
{
    /// <summary>Claims <paramref name="grainId"/> for <paramref name="candidate"/> when it has no row or its owner is
    /// dead; returns the owner after the call (the candidate, or the live silo that already owns it).</summary>
    Task<SiloAddress> RegisterAsync(GrainId grainId, SiloAddress candidate, CancellationToken cancellationToken = default);

    /// <summary>The registered owner, dead or alive, or null.</summary>
    Task<SiloAddress?> LookupAsync(GrainId grainId, CancellationToken cancellationToken = default);

    /// <summary>Removes the row only if <paramref name="owner"/> still owns it.</summary>
    Task UnregisterAsync(GrainId grainId, SiloAddress owner, CancellationToken cancellationToken = default);
}
