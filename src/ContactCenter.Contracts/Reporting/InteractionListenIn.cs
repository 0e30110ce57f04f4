using ContactCenter.Contracts.Calls.Media;

namespace ContactCenter.Contracts.Reporting;

/// <summary>A supervisor listening in on an interaction.</summary>
/// <param name="At">When it started (or changed mode).</param>
/// <param name="SupervisorId">The supervisor.</param>
/// <param name="Mode">Monitor, whisper or barge.</param>
public sealed record InteractionListenIn(DateTimeOffset At, string SupervisorId, ListenInMode Mode);
