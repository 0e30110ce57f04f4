using ContactCenter.Contracts.Calls.Media;

namespace ContactCenter.Contracts.Calls.Events;

/// <summary>A supervisor left the call (or the conversation ended while they listened).</summary>
/// <param name="At">When.</param>
/// <param name="SupervisorId">The supervisor.</param>
/// <param name="Mode">The mode they were in.</param>
public sealed record ListenInStopped(DateTimeOffset At, string SupervisorId, ListenInMode Mode) : CallEvent(At);
