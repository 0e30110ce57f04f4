namespace ContactCenter.Contracts.Calls;

/// <summary>A note an agent wrote on a call.</summary>
/// <param name="At">When.</param>
/// <param name="AgentId">The author.</param>
/// <param name="Text">The note.</param>
public sealed record CallNote(DateTimeOffset At, string AgentId, string Text);
