using System.Collections.Immutable;
using ContactCenter.Contracts.Routing;

namespace ContactCenter.Contracts.Agents;

/// <summary>What one run of <see cref="IAgentRouterGrain"/> did.</summary>
/// <param name="Joined">Queues told that the agent joined them.</param>
/// <param name="Left">Queues told that the agent left them.</param>
/// <param name="Claimed">Pull decisions whose work the agent now holds, in the order taken.</param>
/// <param name="Rounds">Pull rounds run (each asks every queue for its heads once).</param>
public sealed record AgentRouterRun(ImmutableArray<string> Joined, ImmutableArray<string> Left,
    ImmutableArray<PullDecision> Claimed, int Rounds);
