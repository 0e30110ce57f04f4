using ContactCenter.Contracts.Configuration;

namespace ContactCenter.Contracts.Calls.Events;

/// <summary>The call's agent started a blind transfer.</summary>
/// <param name="At">When.</param>
/// <param name="AgentId">The agent.</param>
/// <param name="Target">The number, line, queue or agent.</param>
public sealed record CallTransferStarted(DateTimeOffset At, string AgentId, RoutingTarget Target) : CallEvent(At);
