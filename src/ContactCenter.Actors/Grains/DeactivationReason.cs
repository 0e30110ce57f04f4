namespace ContactCenter.Actors;

/// <summary>Why an activation is being deactivated.</summary>
public enum DeactivationReason
{
    /// <summary>Unused for longer than the collection age.</summary>
    Idle,

    /// <summary>The grain asked for it (<see cref="Grain.DeactivateOnIdle"/>).</summary>
    ApplicationRequested,

    /// <summary>The silo is shutting down gracefully.</summary>
    ShuttingDown,

    /// <summary>A write found a newer version in storage; this activation's state is stale.</summary>
    InconsistentState,

    /// <summary>The silo learnt that the cluster declared it dead; another silo may already host the grain.</summary>
    SiloDeclaredDead,
}
