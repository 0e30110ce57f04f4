namespace ContactCenter.Contracts.Ivr;

/// <summary>Where a call stands in its IVR tree, kept in the call's state (journal event
/// <see cref="Calls.Events.CallIvrStepped"/>).</summary>
/// <param name="NodeId">The node.</param>
/// <param name="Stage">What the call waits for there.</param>
/// <param name="Retries">Failed attempts at this node so far (menu, digit input).</param>
/// <param name="Digits">Digits collected at this node so far (the callback's acceptance).</param>
/// <param name="Step">Counter of the media requests the walk made; the request awaited has the id
/// <see cref="AwaitedId"/>, so a late or repeated media event (another id) is ignored.</param>
public sealed record IvrPosition(string NodeId, IvrStage Stage, int Retries, string Digits, long Step)
{
    /// <summary>The playback, collection or recording id the call waits for: <c>ivr-</c> and <see cref="Step"/>.</summary>
    public string AwaitedId => $"ivr-{Step}";
}
