namespace ContactCenter.Contracts.Calls.Events;

/// <summary>The call entered an IVR tree.</summary>
/// <param name="At">When.</param>
/// <param name="TreeId">The tree.</param>
/// <param name="TreeVersion">The tree's version read at entry, which the call walks to its end; 0 when the tree was
/// not found.</param>
public sealed record CallEnteredIvr(DateTimeOffset At, string TreeId, long TreeVersion = 0) : CallEvent(At);
