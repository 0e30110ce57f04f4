namespace ContactCenter.Contracts.Calls.Media;

/// <summary>Dial an external number for a call.</summary>
/// <param name="Number">The number to dial.</param>
/// <param name="CallerNumber">The caller id presented.</param>
/// <param name="RingTimeout">How long to let it ring.</param>
public sealed record ExternalLegRequest(string Number, string CallerNumber, TimeSpan RingTimeout);
