using ContactCenter.Contracts.Configuration;

namespace ContactCenter.Contracts.Reporting;

/// <summary>A transfer of an interaction (REP-2 "transferred").</summary>
/// <param name="At">When it was started.</param>
/// <param name="FromAgentId">The agent who transferred.</param>
/// <param name="Target">Where to: a number, a queue or an agent.</param>
/// <param name="Attended">True when the agent consulted the target first.</param>
/// <param name="Completed">True once it took place; false while pending or when it failed.</param>
public sealed record InteractionTransfer(DateTimeOffset At, string FromAgentId, RoutingTarget Target, bool Attended, bool Completed);
