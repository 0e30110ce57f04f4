using System.Collections.Immutable;

namespace ContactCenter.Contracts.Configuration;

/// <summary>A category agents set on an interaction (AGENT-5), from lists defined by supervisors.</summary>
public sealed record CallCategory
{
    /// <summary>Document id.</summary>
    public required string Id { get; init; }

    /// <summary>Document version; every write is a compare-and-swap on it.</summary>
    public long Version { get; init; }

    /// <summary>Display name.</summary>
    public required string Name { get; init; }

    /// <summary>Optional parent category, for a two-level list.</summary>
    public string? ParentId { get; init; }

    /// <summary>Queues whose interactions may use the category; empty = all queues.</summary>
    public ImmutableArray<string> QueueIds { get; init; } = [];

    /// <summary>Retired categories stay for history but are not offered to agents.</summary>
    public bool Active { get; init; } = true;
}
