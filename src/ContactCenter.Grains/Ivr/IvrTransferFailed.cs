namespace ContactCenter.Grains.Ivr;

/// <summary>The transfer of a transfer node failed (busy, no answer, unreachable, agent unavailable).</summary>
/// <param name="Reason">Why, for people.</param>
public sealed record IvrTransferFailed(string Reason) : IvrInput;
