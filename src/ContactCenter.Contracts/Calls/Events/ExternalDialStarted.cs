namespace ContactCenter.Contracts.Calls.Events;

/// <summary>The agent's leg of an agent-initiated call answered and the external number is being dialled.</summary>
/// <param name="At">When.</param>
/// <param name="Number">The number.</param>
public sealed record ExternalDialStarted(DateTimeOffset At, string Number) : CallEvent(At);
