namespace ContactCenter.Grains.Ivr;

/// <summary>The lookup got no answer (transport error, timeout).</summary>
/// <param name="Reason">Why, for people.</param>
public sealed record IvrLookupFailed(string Reason) : IvrInput;
