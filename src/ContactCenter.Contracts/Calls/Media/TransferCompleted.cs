namespace ContactCenter.Contracts.Calls.Media;

/// <summary>The customer was handed to the transfer target; the platform left the call.</summary>
/// <param name="CallId">The call.</param>
public sealed record TransferCompleted(string CallId) : CallMediaEvent(CallId);
