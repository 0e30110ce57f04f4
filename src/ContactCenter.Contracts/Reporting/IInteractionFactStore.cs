namespace ContactCenter.Contracts.Reporting;

/// <summary>Where the interaction-facts projection keeps its facts together with the journal position they reflect
/// (in memory, or PostgreSQL). The projection is its only writer; writes are a compare-and-swap on the position, so a
/// stale writer (an activation that lost its silo) stores nothing.</summary>
public interface IInteractionFactStore
{
    /// <summary>The journal position the stored facts reflect (0 when empty).</summary>
    Task<long> GetPositionAsync(CancellationToken cancellationToken = default);

    /// <summary>The stored facts among <paramref name="ids"/> (missing ids are left out).</summary>
    Task<IReadOnlyDictionary<string, InteractionFact>> GetAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default);

    /// <summary>Stores <paramref name="facts"/> (insert or replace by id) and moves the position from
    /// <paramref name="expectedPosition"/> to <paramref name="newPosition"/>, atomically; false, storing nothing, when
    /// the stored position is not <paramref name="expectedPosition"/>.</summary>
    Task<bool> SaveAsync(IReadOnlyCollection<InteractionFact> facts, long expectedPosition, long newPosition, CancellationToken cancellationToken = default);

    /// <summary>Facts matching <paramref name="query"/>, ordered by start time, then id.</summary>
    Task<IReadOnlyList<InteractionFact>> QueryAsync(InteractionQuery query, CancellationToken cancellationToken = default);

    /// <summary>Deletes every fact and sets the position to 0, so the projection rebuilds them from the journal.</summary>
    Task ResetAsync(CancellationToken cancellationToken = default);
}
