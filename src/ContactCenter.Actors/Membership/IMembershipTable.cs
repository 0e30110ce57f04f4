namespace ContactCenter.Actors;

/// <summary>Provider of cluster membership: one row per process generation plus a cluster version that every status
/// change advances. The table's clock (the database's) is the only clock heartbeats are compared on.</summary>
public interface IMembershipTable
{
    /// <summary>Adds an Active row for a new process generation with its heartbeat at the table's now.</summary>
    Task JoinAsync(SiloAddress address, MemberKind kind, string site, CancellationToken cancellationToken);

    /// <summary>Renews the heartbeat of a row that is not dead; returns the row's status (Dead when it is dead or
    /// missing — a dead row is never revived).</summary>
    Task<MemberStatus> HeartbeatAsync(SiloAddress address, CancellationToken cancellationToken);

    Task<MembershipSnapshot> ReadAsync(CancellationToken cancellationToken);

    /// <summary>The vote: marks <paramref name="suspect"/> dead only if the cluster version is still
    /// <paramref name="expectedVersion"/> and its heartbeat, by the table's clock, is older than
    /// <paramref name="suspectAfter"/>. Returns whether this call declared it dead.</summary>
    Task<bool> TryDeclareDeadAsync(SiloAddress suspect, long expectedVersion, TimeSpan suspectAfter, CancellationToken cancellationToken);

    /// <summary>Moves a row forward to ShuttingDown or Dead (graceful leave); never backwards.</summary>
    Task SetStatusAsync(SiloAddress address, MemberStatus status, CancellationToken cancellationToken);
}
