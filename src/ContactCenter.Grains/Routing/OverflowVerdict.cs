using ContactCenter.Contracts.Configuration;

namespace ContactCenter.Grains.Routing;

/// <summary>The overflow rule that fired.</summary>
/// <param name="RuleIndex">Its index in the queue's rules.</param>
/// <param name="Rule">The rule (its target says where the work goes).</param>
public sealed record OverflowVerdict(int RuleIndex, OverflowRule Rule);
