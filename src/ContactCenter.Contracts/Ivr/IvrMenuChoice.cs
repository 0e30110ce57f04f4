namespace ContactCenter.Contracts.Ivr;

/// <summary>One key of an <see cref="IvrMenuNode"/>.</summary>
/// <param name="Digit">The DTMF key: <c>0</c>-<c>9</c>, <c>*</c> or <c>#</c>.</param>
/// <param name="Next">Node the key leads to.</param>
public sealed record IvrMenuChoice(string Digit, string Next);
