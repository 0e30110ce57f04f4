using System.Collections.Immutable;

namespace ContactCenter.Contracts.Routing;

/// <summary>The outcome of a push ("Why this agent?"): inputs, every candidate's assessment, the rule applied.</summary>
/// <param name="Input">The inputs; running push on them again reproduces this decision.</param>
/// <param name="Rule">The rule applied.</param>
/// <param name="ChosenAgentId">The agent to offer the work to; null when none.</param>
/// <param name="Candidates">One assessment per input agent, in input order.</param>
public sealed record PushDecision(PushInput Input, RoutingRule Rule, string? ChosenAgentId,
    ImmutableArray<PushCandidate> Candidates);
