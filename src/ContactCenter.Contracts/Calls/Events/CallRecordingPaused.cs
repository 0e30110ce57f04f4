namespace ContactCenter.Contracts.Calls.Events;

/// <summary>The agent paused the recording (REC-1: the agent may decide not to record, e.g. card details).</summary>
/// <param name="At">When.</param>
/// <param name="AgentId">The agent.</param>
public sealed record CallRecordingPaused(DateTimeOffset At, string AgentId) : CallEvent(At);
