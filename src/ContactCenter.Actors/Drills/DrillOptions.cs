namespace ContactCenter.Actors.Drills;

/// <summary>Settings of the failover drill's silo side (configuration section <c>Drill</c> in the host).</summary>
public sealed class DrillOptions
{
    /// <summary>A file this silo appends a line to whenever a drill grain's activation starts or stops (see
    /// <see cref="DrillActivationRecord"/>). Default none: nothing is recorded.</summary>
    public string? ActivationLog { get; set; }
}
