namespace ContactCenter.Contracts.Calls.Events;

/// <summary>The agent categorised the call.</summary>
/// <param name="At">When.</param>
/// <param name="AgentId">The agent.</param>
/// <param name="CategoryId">The category.</param>
public sealed record CallCategorySet(DateTimeOffset At, string AgentId, string CategoryId) : CallEvent(At);
