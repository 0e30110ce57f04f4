using ContactCenter.Contracts.Calls.Media;

namespace ContactCenter.Contracts.Calls.Events;

/// <summary>Ringing the agent ended without an answer; a queued call waits for the next offer at its old place.</summary>
/// <param name="At">When.</param>
/// <param name="AgentId">The agent.</param>
/// <param name="Reason">Why.</param>
public sealed record AgentRingEnded(DateTimeOffset At, string AgentId, AgentLegFailure Reason) : CallEvent(At);
