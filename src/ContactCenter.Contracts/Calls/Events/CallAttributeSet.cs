namespace ContactCenter.Contracts.Calls.Events;

/// <summary>Data attached to the call (IVR choice, campaign, problem, caller identity; ROUTE-10).</summary>
/// <param name="At">When.</param>
/// <param name="Key">The attribute.</param>
/// <param name="Value">Its value.</param>
public sealed record CallAttributeSet(DateTimeOffset At, string Key, string Value) : CallEvent(At);
