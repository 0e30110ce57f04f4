namespace ContactCenter.Contracts.Agents.Events;

/// <summary>The agent grain closed the persistent line <paramref name="LineId"/> (log-out, or the profile changed to ring
/// per call).</summary>
/// <param name="At">When.</param>
/// <param name="LineId">The line.</param>
public sealed record AgentLineClosed(DateTimeOffset At, string LineId) : AgentEvent(At);
