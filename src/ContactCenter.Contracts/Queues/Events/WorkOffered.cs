using System.Collections.Immutable;
using ContactCenter.Contracts.Routing;

namespace ContactCenter.Contracts.Queues.Events;

/// <summary>The agent's arbiter granted a slot and the work is offered to <paramref name="AgentId"/>; the work keeps its
/// place until answered, and goes back to it when the offer is returned.</summary>
/// <param name="At">When.</param>
/// <param name="WorkId">The work.</param>
/// <param name="AgentId">The agent holding the offer.</param>
/// <param name="Decision">The push decision with its inputs ("Why this agent?"); replaying its input reproduces it.</param>
/// <param name="RefusedBy">Better-ranked agents whose arbiter refused the reservation first, in rank order.</param>
public sealed record WorkOffered(DateTimeOffset At, string WorkId, string AgentId, PushDecision Decision,
    ImmutableArray<string> RefusedBy) : QueueEvent(At);
