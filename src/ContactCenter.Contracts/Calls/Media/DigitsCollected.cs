namespace ContactCenter.Contracts.Calls.Media;

/// <summary>Digit collection ended.</summary>
/// <param name="CallId">The call.</param>
/// <param name="Digits">The digits, possibly empty.</param>
/// <param name="TimedOut">True when it ended by timeout rather than by count or terminator.</param>
/// <param name="CollectionId">The collection's id, as requested.</param>
public sealed record DigitsCollected(string CallId, string Digits, bool TimedOut, string? CollectionId = null) : CallMediaEvent(CallId);
