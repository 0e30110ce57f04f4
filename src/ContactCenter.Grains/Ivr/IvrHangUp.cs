namespace ContactCenter.Grains.Ivr;

/// <summary>End the call in the IVR.</summary>
/// <param name="Detail">Why, for people and reports.</param>
public sealed record IvrHangUp(string Detail) : IvrAction;
