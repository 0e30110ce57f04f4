namespace ContactCenter.Contracts.Agents.Events;

/// <summary>The arbiter granted a slot for <see cref="ReservationRequest.WorkId"/>.</summary>
public sealed record WorkReserved(DateTimeOffset At, ReservationRequest Request) : AgentEvent(At);
