namespace ContactCenter.Contracts.Calls.Media;

/// <summary>The transfer did not complete; the customer is still on the call.</summary>
/// <param name="CallId">The call.</param>
/// <param name="Reason">Why, for people.</param>
public sealed record TransferFailed(string CallId, string Reason) : CallMediaEvent(CallId);
