namespace ContactCenter.Contracts.Calls.Media;

/// <summary>Dialling the external number failed.</summary>
/// <param name="CallId">The call.</param>
/// <param name="StatusCode">The final SIP status (486 busy, 480, 404, 408 no answer, …).</param>
/// <param name="Reason">The reason phrase, for people.</param>
public sealed record ExternalLegFailed(string CallId, int StatusCode, string Reason) : CallMediaEvent(CallId);
