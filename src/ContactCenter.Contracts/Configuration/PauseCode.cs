namespace ContactCenter.Contracts.Configuration;

/// <summary>A predefined pause reason (AGENT-3).</summary>
public sealed record PauseCode
{
    /// <summary>Document id.</summary>
    public required string Id { get; init; }

    /// <summary>Document version; every write is a compare-and-swap on it.</summary>
    public long Version { get; init; }

    /// <summary>Display name.</summary>
    public required string Name { get; init; }

    /// <summary>Work or private.</summary>
    public PauseKind Kind { get; init; } = PauseKind.Private;

    /// <summary>Optional limit after which supervisors are alerted; null = no limit.</summary>
    public TimeSpan? MaxDuration { get; init; }
}
