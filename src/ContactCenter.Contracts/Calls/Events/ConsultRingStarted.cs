namespace ContactCenter.Contracts.Calls.Events;

/// <summary>A second agent was reserved for the connected call and its line rings; the customer holds.</summary>
/// <param name="At">When.</param>
/// <param name="AgentId">The call's agent.</param>
/// <param name="TargetAgentId">The second agent.</param>
/// <param name="Purpose">Consultation or blind transfer.</param>
/// <param name="RingUntil">When the call gives up on the second agent.</param>
public sealed record ConsultRingStarted(DateTimeOffset At, string AgentId, string TargetAgentId, ConsultPurpose Purpose,
    DateTimeOffset RingUntil) : CallEvent(At);
