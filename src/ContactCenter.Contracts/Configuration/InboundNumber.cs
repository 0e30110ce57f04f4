using System.Collections.Immutable;

namespace ContactCenter.Contracts.Configuration;

/// <summary>A number callers dial (a DID or a short internal number): where its calls go and which trunks may deliver
/// them.</summary>
public sealed record InboundNumber
{
    /// <summary>The highest <see cref="Priority"/> boost.</summary>
    public const int MaxPriority = 100;

    /// <summary>Document id: the dialled number itself, an optional '+' and 3-20 digits (as the request URI's user part
    /// arrives, without formatting characters).</summary>
    public required string Id { get; init; }

    /// <summary>Document version; every write is a compare-and-swap on it.</summary>
    public long Version { get; init; }

    /// <summary>Display name ("Sales hotline").</summary>
    public required string Name { get; init; }

    /// <summary>Whether <see cref="TargetId"/> names an IVR tree or a queue.</summary>
    public InboundNumberTargetKind Target { get; init; }

    /// <summary>Id of the IVR tree or queue the call goes to.</summary>
    public required string TargetId { get; init; }

    /// <summary>The trunks that may deliver calls to the number; empty (default) = any trunk's trusted sources.</summary>
    public ImmutableArray<string> TrunkIds { get; init; } = [];

    /// <summary>Added to the work's priority when the call reaches a queue, 0-<see cref="MaxPriority"/>; default 0.</summary>
    public int Priority { get; init; }
}
