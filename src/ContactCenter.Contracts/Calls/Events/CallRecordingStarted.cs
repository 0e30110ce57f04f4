namespace ContactCenter.Contracts.Calls.Events;

/// <summary>The call's recording started with its first connection (REC-1: the site records every agent call).</summary>
/// <param name="At">When.</param>
public sealed record CallRecordingStarted(DateTimeOffset At) : CallEvent(At);
