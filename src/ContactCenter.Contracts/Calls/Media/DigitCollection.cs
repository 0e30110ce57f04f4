namespace ContactCenter.Contracts.Calls.Media;

/// <summary>How to collect DTMF digits.</summary>
/// <param name="MaxDigits">Stop after this many digits.</param>
/// <param name="Timeout">Stop after this long without a digit.</param>
/// <param name="Terminator">A digit that ends collection early (not included), e.g. "#".</param>
/// <param name="CollectionId">Echoed in <see cref="DigitsCollected"/>.</param>
public sealed record DigitCollection(int MaxDigits, TimeSpan Timeout, string? Terminator = null, string? CollectionId = null);
