using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Calls.Media;

namespace ContactCenter.Grains.Agents;

/// <summary>The agent's persistent line as its journal tells it.</summary>
/// <param name="LineId">The line's id (a new one for every opening, so late reports of an old line are told apart).</param>
/// <param name="Media">The front end holding it (which <see cref="ICallMedia.CloseLineAsync"/> goes to).</param>
/// <param name="Up">The phone answered.</param>
/// <param name="OfferAddress">Where other front ends send offers for the line (<see cref="AgentLineEvent.OfferAddress"/>),
/// once up; a secret of the line, never shown.</param>
public sealed record AgentLine(string LineId, ICallMedia Media, bool Up, string? OfferAddress = null)
{
    /// <summary>The line as the status shows it.</summary>
    public AgentLineState State => Up ? AgentLineState.Up : AgentLineState.Opening;
}
