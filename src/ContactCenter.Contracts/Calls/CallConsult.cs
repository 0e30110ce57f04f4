namespace ContactCenter.Contracts.Calls;

/// <summary>A second agent on a connected call (consultation, conference, or a blind transfer ringing it).</summary>
/// <param name="AgentId">The second agent.</param>
/// <param name="ByAgentId">The call's agent who brought it in.</param>
/// <param name="Purpose">Consultation or blind transfer.</param>
/// <param name="Stage">Ringing, talking to the call's agent, or in conference.</param>
/// <param name="Since">When the stage began.</param>
/// <param name="RingUntil">When the call gives up on the second agent, while it rings.</param>
public sealed record CallConsult(string AgentId, string ByAgentId, ConsultPurpose Purpose, ConsultStage Stage,
    DateTimeOffset Since, DateTimeOffset? RingUntil = null);
