namespace ContactCenter.Contracts.Calls.Events;

/// <summary>The conversation ended; the agent's wrap-up runs until <paramref name="WrapUpUntil"/> (null: none, the
/// call ends with it).</summary>
/// <param name="At">When.</param>
/// <param name="By">Who hung up.</param>
/// <param name="WrapUpUntil">End of the wrap-up time.</param>
public sealed record ConversationEnded(DateTimeOffset At, CallParty By, DateTimeOffset? WrapUpUntil) : CallEvent(At);
