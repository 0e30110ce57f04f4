using System.Collections.Immutable;

namespace ContactCenter.Contracts.Routing;

/// <summary>Everything a pull decision depends on; recorded with the decision so it can be replayed.</summary>
/// <param name="Agent">The agent that became ready.</param>
/// <param name="Heads">The heads its queues offered (see the waiting list's heads-for-agent rule).</param>
/// <param name="Now">Decision time (sticky holds are evaluated at it).</param>
public sealed record PullInput(AgentSnapshot Agent, ImmutableArray<WorkItem> Heads, DateTimeOffset Now);
