using ContactCenter.Contracts.Calls.Media;

namespace ContactCenter.Contracts.Calls.Events;

/// <summary>A supervisor left the call (or the conversation ended while they listened, or their leg failed).</summary>
/// <param name="At">When.</param>
/// <param name="SupervisorId">The supervisor.</param>
/// <param name="Mode">The mode they were in.</param>
/// <param name="Reason">Why the supervisor's leg ended when nobody stopped the listen-in: the phone could not be rung,
/// refused, did not answer (an <see cref="AgentLegFailure"/> name) or hung up (<c>HungUp</c>); null for a stop or the
/// end of the conversation.</param>
public sealed record ListenInStopped(DateTimeOffset At, string SupervisorId, ListenInMode Mode, string? Reason = null) : CallEvent(At);
