using System.Collections.Immutable;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.Routing;

namespace ContactCenter.Contracts.Agents.Events;

/// <summary>The agent logged in with <paramref name="Profile"/> and was logged in to <paramref name="Queues"/>.</summary>
public sealed record AgentLoggedIn(DateTimeOffset At, AgentProfile Profile, ImmutableArray<AgentQueuePriority> Queues)
    : AgentEvent(At);
