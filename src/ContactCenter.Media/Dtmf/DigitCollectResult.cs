namespace ContactCenter.Media.Dtmf;

/// <summary>The outcome of a digit collection.</summary>
/// <param name="Digits">Digits collected, terminator excluded.</param>
/// <param name="End">Why collection ended.</param>
public sealed record DigitCollectResult(string Digits, DigitCollectEnd End);
