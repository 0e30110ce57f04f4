using System.Collections.Immutable;

namespace ContactCenter.Contracts.Configuration;

/// <summary>A group of the agent workspace's transfer panel (ADM-2, AGENT-8): lines people transfer to that are not
/// agents — other departments' queues, internal extensions, external numbers — under a heading, in a set order.
/// Agents themselves appear in the panel from their live status; favourites are each agent's own.</summary>
public sealed record TransferGroup
{
    /// <summary>The most lines one group holds.</summary>
    public const int MaxLines = 200;

    /// <summary>Document id.</summary>
    public required string Id { get; init; }

    /// <summary>Document version; every write is a compare-and-swap on it.</summary>
    public long Version { get; init; }

    /// <summary>The heading shown in the panel.</summary>
    public required string Name { get; init; }

    /// <summary>Where the group stands in the panel, lower first (then by name).</summary>
    public int Order { get; init; }

    /// <summary>The group's lines, in the order shown.</summary>
    public ImmutableArray<TransferLine> Lines { get; init; } = [];
}
