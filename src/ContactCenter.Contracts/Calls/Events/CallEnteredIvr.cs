namespace ContactCenter.Contracts.Calls.Events;

/// <summary>The call entered an IVR tree.</summary>
/// <param name="At">When.</param>
/// <param name="TreeId">The tree.</param>
public sealed record CallEnteredIvr(DateTimeOffset At, string TreeId) : CallEvent(At);
