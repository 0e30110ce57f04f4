using ContactCenter.Contracts.Configuration;

namespace ContactCenter.Contracts.Calls.Events;

/// <summary>The transfer to a number or line failed; the agent talks to the customer again.</summary>
/// <param name="At">When.</param>
/// <param name="Target">The number or line.</param>
/// <param name="Reason">Why, for people.</param>
public sealed record CallTransferFailed(DateTimeOffset At, RoutingTarget Target, string Reason) : CallEvent(At);
