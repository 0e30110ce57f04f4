namespace ContactCenter.Contracts.Agents;

/// <summary>What happened to an agent's persistent line (<see cref="Configuration.LineMode.PersistentLine"/>), reported
/// by the front end that holds it to <see cref="IAgentGrain.OnLineEventAsync"/>. Events may come late: the agent grain
/// ignores those of a line it no longer holds.</summary>
/// <param name="LineId">The line, as the agent grain named it in
/// <see cref="Calls.Media.ICallMedia.OpenLineAsync"/>.</param>
/// <param name="Up">True: the agent's phone answered and the line is up. False: the line could not be opened (no phone
/// registered, no answer, no trunk) or it dropped (the agent hung up the phone, the leg went silent).</param>
/// <param name="Reason">Why a line is down, for people; null when up.</param>
/// <param name="OfferAddress">With <paramref name="Up"/>: the SIP URI at which the holding front end takes offers for
/// this line from other front ends (a call arriving elsewhere is relayed into the line). It carries a secret of the
/// line, so it is kept in the agent's state and never shown or logged; null when down or not offered.</param>
public sealed record AgentLineEvent(string LineId, bool Up, string? Reason = null, string? OfferAddress = null);
