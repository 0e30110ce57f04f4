using ContactCenter.Contracts.Calls.Media;

namespace ContactCenter.Contracts.Calls.Events;

/// <summary>A supervisor joined the call, or changed how they listen (SUP-2).</summary>
/// <param name="At">When.</param>
/// <param name="SupervisorId">The supervisor.</param>
/// <param name="Mode">Monitor, whisper or barge from now on.</param>
/// <param name="PreviousMode">The mode before, when this is a change.</param>
public sealed record ListenInStarted(DateTimeOffset At, string SupervisorId, ListenInMode Mode, ListenInMode? PreviousMode = null)
    : CallEvent(At);
