namespace ContactCenter.Contracts.Calls.Media;

/// <summary>The customer's leg ended (BYE, CANCEL before answer, or RTP inactivity).</summary>
/// <param name="CallId">The call.</param>
public sealed record CallerHungUp(string CallId) : CallMediaEvent(CallId);
