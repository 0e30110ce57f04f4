using ContactCenter.Contracts.Configuration;

namespace ContactCenter.Contracts.Calls.Events;

/// <summary>The front end handed the customer to the transfer's number or line; the platform left the call, which ends
/// (after the agent's wrap-up) as <see cref="CallEndReason.Transferred"/>.</summary>
/// <param name="At">When.</param>
/// <param name="Target">The number or line.</param>
public sealed record CallTransferCompleted(DateTimeOffset At, RoutingTarget Target) : CallEvent(At);
