namespace ContactCenter.Contracts.Agents.Events;

/// <summary>The agent answered the offer: busy (voice) or chatting (text media).</summary>
public sealed record WorkAnswered(DateTimeOffset At, string WorkId) : AgentEvent(At);
