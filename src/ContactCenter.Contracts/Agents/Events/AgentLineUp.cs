namespace ContactCenter.Contracts.Agents.Events;

/// <summary>The agent's phone answered the persistent line <paramref name="LineId"/>.</summary>
/// <param name="At">When the front end's report arrived.</param>
/// <param name="LineId">The line.</param>
/// <param name="OfferAddress">Where other front ends send the line's offers (<see cref="AgentLineEvent.OfferAddress"/>);
/// null when the front end gave none.</param>
public sealed record AgentLineUp(DateTimeOffset At, string LineId, string? OfferAddress = null) : AgentEvent(At);
