namespace ContactCenter.Contracts.Agents.Events;

/// <summary>The persistent line <paramref name="LineId"/> could not be opened or dropped; an available agent is paused
/// with <c>line-lost</c> in the same append, and resuming opens a new line.</summary>
/// <param name="At">When.</param>
/// <param name="LineId">The line.</param>
/// <param name="Reason">Why, for people.</param>
public sealed record AgentLineLost(DateTimeOffset At, string LineId, string? Reason) : AgentEvent(At);
