namespace ContactCenter.Contracts.Agents.Events;

/// <summary>A reserved or ringing slot was given back unanswered.</summary>
public sealed record ReservationReleased(DateTimeOffset At, string WorkId, ReleaseReason Reason) : AgentEvent(At);
