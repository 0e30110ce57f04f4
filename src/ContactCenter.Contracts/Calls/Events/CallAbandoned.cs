namespace ContactCenter.Contracts.Calls.Events;

/// <summary>The caller hung up before talking to an agent (REP-3).</summary>
/// <param name="At">When.</param>
/// <param name="Phase">Where.</param>
public sealed record CallAbandoned(DateTimeOffset At, AbandonPhase Phase) : CallEvent(At);
