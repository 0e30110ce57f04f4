using ContactCenter.Contracts.Calls.Media;

namespace ContactCenter.Grains.Ivr;

/// <summary>Collect digits (<see cref="ICallMedia.CollectDigitsAsync"/>).</summary>
/// <param name="Collection">How, with the id its end is reported with.</param>
public sealed record IvrCollect(DigitCollection Collection) : IvrAction;
