using System.Collections.Immutable;

namespace ContactCenter.Contracts.Ivr;

/// <summary>Caller-number / VIP branch: the first matching rule, in order, picks the next node; no match (or an
/// anonymous caller) goes to <see cref="Default"/>.</summary>
public sealed record IvrCallerNode : IvrNode
{
    /// <summary>Rules in evaluation order.</summary>
    public ImmutableArray<IvrCallerRule> Rules { get; init; } = [];

    /// <summary>Node when no rule matches.</summary>
    public required string Default { get; init; }
}
