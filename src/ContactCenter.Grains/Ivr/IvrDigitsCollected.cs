namespace ContactCenter.Grains.Ivr;

/// <summary>A digit collection the walk started ended.</summary>
/// <param name="Digits">The digits, possibly empty.</param>
/// <param name="TimedOut">True when the caller paused rather than reaching the count or the terminator.</param>
/// <param name="CollectionId">The collection's id.</param>
public sealed record IvrDigitsCollected(string Digits, bool TimedOut, string? CollectionId) : IvrInput;
