namespace ContactCenter.Contracts.Calls.Events;

/// <summary>The second agent answered; for a consultation it talks with the call's agent.</summary>
/// <param name="At">When.</param>
/// <param name="AgentId">The second agent.</param>
public sealed record ConsultAnswered(DateTimeOffset At, string AgentId) : CallEvent(At);
