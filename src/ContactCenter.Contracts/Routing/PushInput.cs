using System.Collections.Immutable;
using ContactCenter.Contracts.Configuration;

namespace ContactCenter.Contracts.Routing;

/// <summary>Everything a push decision depends on; recorded with the decision so it can be replayed.</summary>
/// <param name="Work">The work to place.</param>
/// <param name="Strategy">The queue's selection strategy.</param>
/// <param name="Agents">Snapshots of the candidate agents (the queue's logged-in agents).</param>
/// <param name="Now">Decision time (sticky holds are evaluated at it).</param>
public sealed record PushInput(WorkItem Work, SelectionStrategy Strategy, ImmutableArray<AgentSnapshot> Agents,
    DateTimeOffset Now);
