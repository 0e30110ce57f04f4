using ContactCenter.Contracts.Routing;

namespace ContactCenter.Contracts.Agents;

/// <summary>The arbiter's answer to <see cref="IAgentGrain.TryReserveAsync"/>.</summary>
/// <param name="Granted">True when a slot is reserved for the work (also for a repeated request of a reservation
/// already held).</param>
/// <param name="Refusal">The eligibility check that failed, when refused by the routing rules.</param>
/// <param name="Error">The command error, when the request itself was refused (e.g. the work is already answered).</param>
/// <param name="Message">A sentence for people and logs.</param>
public sealed record ReservationResult(bool Granted, ExclusionReason? Refusal = null, AgentCommandError? Error = null,
    string? Message = null);
