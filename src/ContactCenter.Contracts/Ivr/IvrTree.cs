using System.Collections.Immutable;

namespace ContactCenter.Contracts.Ivr;

/// <summary>An IVR tree (IVR-1): the voice self-service a number leads to, as a graph of <see cref="IvrNode"/>s walked
/// from <see cref="StartNodeId"/>. Nodes name their successors by node id; a node without a successor ends the call
/// (or, for <see cref="IvrQueueNode"/> and <see cref="IvrTransferNode"/>, leaves the IVR). Changeable at run time: a
/// new version applies to calls that enter the tree after it is stored.</summary>
public sealed record IvrTree
{
    /// <summary>Document id; numbers refer to the tree by it.</summary>
    public required string Id { get; init; }

    /// <summary>Document version; every write is a compare-and-swap on it.</summary>
    public long Version { get; init; }

    /// <summary>Display name.</summary>
    public required string Name { get; init; }

    /// <summary>Optional notes for administrators.</summary>
    public string? Description { get; init; }

    /// <summary>Language tag of the prompts and of text-to-speech (e.g. <c>en</c>, <c>pl</c>, <c>en-GB</c>); prompt ids
    /// are looked up in that language's prompt folder. Default <c>en</c>.</summary>
    public string Language { get; init; } = "en";

    /// <summary>IANA time zone id in which <see cref="IvrHoursNode"/>s without their own zone and preferred callback
    /// times are evaluated. Default <c>UTC</c>.</summary>
    public string TimeZoneId { get; init; } = "UTC";

    /// <summary>Id of the node a call starts at.</summary>
    public required string StartNodeId { get; init; }

    /// <summary>The nodes, each with an id unique in the tree; every node must be reachable from the start
    /// node.</summary>
    public ImmutableArray<IvrNode> Nodes { get; init; } = [];
}
