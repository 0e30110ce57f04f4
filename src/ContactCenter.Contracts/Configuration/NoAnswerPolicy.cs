namespace ContactCenter.Contracts.Configuration;

/// <summary>N missed offers within a sliding window T → pause with a reason or log out, optionally alerting
/// supervisors.</summary>
public sealed record NoAnswerPolicy
{
    /// <summary>Document id.</summary>
    public required string Id { get; init; }

    /// <summary>Document version; every write is a compare-and-swap on it.</summary>
    public long Version { get; init; }

    /// <summary>Display name.</summary>
    public required string Name { get; init; }

    /// <summary>Misses that trigger the action, at least 1. Default 3.</summary>
    public int MaxMisses { get; init; } = 3;

    /// <summary>The sliding window the misses are counted in (positive). Default 10 minutes.</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Pause (default) or log out.</summary>
    public NoAnswerAction Action { get; init; } = NoAnswerAction.Pause;

    /// <summary>Pause reason, required when <see cref="Action"/> is <see cref="NoAnswerAction.Pause"/>.</summary>
    public string? PauseCodeId { get; init; }

    /// <summary>Whether supervisors get an alert when the action fires. Default true.</summary>
    public bool AlertSupervisors { get; init; } = true;
}
