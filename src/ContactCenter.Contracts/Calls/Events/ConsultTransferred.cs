namespace ContactCenter.Contracts.Calls.Events;

/// <summary>The call passed from its agent to the answered second agent (attended transfer, or a blind transfer to an
/// agent that answered); the first agent's conversation ended and its wrap-up runs on its agent grain.</summary>
/// <param name="At">When.</param>
/// <param name="FromAgentId">The agent who left.</param>
/// <param name="ToAgentId">The call's agent from now on.</param>
public sealed record ConsultTransferred(DateTimeOffset At, string FromAgentId, string ToAgentId) : CallEvent(At);
