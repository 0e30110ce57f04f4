namespace ContactCenter.Contracts.Configuration;

/// <summary>A skill agents hold at a level and queues require at a minimum level (ROUTE-2).</summary>
public sealed record Skill
{
    /// <summary>Document id.</summary>
    public required string Id { get; init; }

    /// <summary>Document version; every write is a compare-and-swap on it.</summary>
    public long Version { get; init; }

    /// <summary>Display name.</summary>
    public required string Name { get; init; }

    /// <summary>Optional description for administrators.</summary>
    public string? Description { get; init; }
}
