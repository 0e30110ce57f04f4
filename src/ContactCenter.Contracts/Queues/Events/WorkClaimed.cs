using ContactCenter.Contracts.Routing;

namespace ContactCenter.Contracts.Queues.Events;

/// <summary>The agent's pull round chose this work, the agent's arbiter granted a slot and the work is offered to
/// <paramref name="AgentId"/>; like <see cref="WorkOffered"/> the work keeps its place until answered.</summary>
/// <param name="At">When.</param>
/// <param name="WorkId">The work.</param>
/// <param name="AgentId">The agent holding the offer.</param>
/// <param name="Decision">The pull decision with its inputs ("Why this call?"); replaying its input reproduces it.</param>
public sealed record WorkClaimed(DateTimeOffset At, string WorkId, string AgentId, PullDecision Decision) : QueueEvent(At);
