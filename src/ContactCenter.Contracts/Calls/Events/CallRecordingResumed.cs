namespace ContactCenter.Contracts.Calls.Events;

/// <summary>The agent resumed the paused recording.</summary>
/// <param name="At">When.</param>
/// <param name="AgentId">The agent.</param>
public sealed record CallRecordingResumed(DateTimeOffset At, string AgentId) : CallEvent(At);
