namespace ContactCenter.Actors;

/// <summary>Lease and failure-detection timing (ARCHITECTURE.md "Membership").</summary>
public sealed class MembershipOptions
{
    /// <summary>How often a process renews its row. Default 1 s.</summary>
    public TimeSpan HeartbeatPeriod { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a lease lasts from the moment its last successful renewal was sent, on the process's own
    /// monotonic clock; past it the silo pauses its activations (fences itself). Default 4 s.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>A row whose heartbeat is older than this (table clock) is voted dead. Must exceed
    /// <see cref="LeaseDuration"/> so the victim has fenced itself first. Default 5 s.</summary>
    public TimeSpan SuspectAfter { get; set; } = TimeSpan.FromSeconds(5);

    public void Validate()
    {
        if (HeartbeatPeriod <= TimeSpan.Zero || LeaseDuration <= HeartbeatPeriod)
        {
            throw new InvalidOperationException(
                $"Membership: HeartbeatPeriod ({HeartbeatPeriod}) must be positive and shorter than LeaseDuration ({LeaseDuration})");
        }
        if (SuspectAfter <= LeaseDuration)
        {
            throw new InvalidOperationException(
                $"Membership: SuspectAfter ({SuspectAfter}) must exceed LeaseDuration ({LeaseDuration}) so a silo fences itself before anyone may take over its grains");
        }
    }
}
