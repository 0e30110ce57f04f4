namespace ContactCenter.Contracts.Calls.Events;

/// <summary>An agent wrote a note on the call.</summary>
/// <param name="At">When.</param>
/// <param name="Note">The note.</param>
public sealed record CallNoteAdded(DateTimeOffset At, CallNote Note) : CallEvent(At);
