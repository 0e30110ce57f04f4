using System.Collections.Immutable;

namespace ContactCenter.Contracts.Routing;

/// <summary>The outcome of a pull ("Why this call?"): inputs, every head's assessment, the rule applied.</summary>
/// <param name="Input">The inputs; running pull on them again reproduces this decision.</param>
/// <param name="Rule">The rule applied.</param>
/// <param name="ChosenWorkItemId">The work to take; null when none.</param>
/// <param name="ChosenQueueId">The chosen work's queue; null when none.</param>
/// <param name="Candidates">One assessment per head, in input order.</param>
public sealed record PullDecision(PullInput Input, RoutingRule Rule, string? ChosenWorkItemId, string? ChosenQueueId,
    ImmutableArray<PullCandidate> Candidates);
