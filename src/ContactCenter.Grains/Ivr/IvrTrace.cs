namespace ContactCenter.Grains.Ivr;

/// <summary>One node a step passed or reached, for the call's journal.</summary>
/// <param name="NodeId">The node.</param>
/// <param name="Description">What happened there.</param>
public sealed record IvrTrace(string NodeId, string Description);
