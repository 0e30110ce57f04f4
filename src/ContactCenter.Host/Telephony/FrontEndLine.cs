using System.Security.Cryptography;
using ContactCenter.Contracts.Agents;
using ContactCenter.Media.Sessions;

namespace ContactCenter.Host.Telephony;

/// <summary>An agent's persistent line held by this front end: one dialog to the agent's phone (a registered phone or an
/// external number through a trunk) with its media leg, kept up between calls. At most one call uses it at a time — an
/// offer playing its tone, then the conversation — as that call's agent leg (<see cref="FrontEndAgentLeg.Line"/>).
/// Every field is guarded by <see cref="Sync"/>; a thread holding a call's lock may take it, never the other way round.</summary>
internal sealed class FrontEndLine(string agentId, string lineId, MediaLeg media)
{
    public Lock Sync { get; } = new();

    /// <summary>The agent (the agent grain's key).</summary>
    public string AgentId { get; } = agentId;

    /// <summary>The agent grain's name for the line, echoed in every <see cref="AgentLineEvent"/>.</summary>
    public string LineId { get; } = lineId;

    /// <summary>The line's media leg (PCMU with telephone-event, for the offer tone and the accept key).</summary>
    public MediaLeg Media { get; } = media;

    /// <summary>The line's own dialog: its INVITE (<see cref="FrontEndAgentLeg.Sip"/>) and our offer, the media
    /// being <see cref="Media"/>. Cancelled or hung up only when the line ends.</summary>
    public FrontEndAgentLeg Dialog { get; } = new(agentId) { Media = media };

    /// <summary>The phone answered: offers can be played into the line.</summary>
    public bool Up { get; set; }

    /// <summary>The line was closed or lost: nothing more is reported or played.</summary>
    public bool Ended { get; set; }

    /// <summary>The call of this front end using the line now (an offer or a conversation); null while the line is idle
    /// or relays another front end's call (<see cref="Relay"/>).</summary>
    public FrontEndCall? Call { get; set; }

    /// <summary><see cref="Call"/>'s agent leg on this line.</summary>
    public FrontEndAgentLeg? Leg { get; set; }

    /// <summary>The secret part of the line's offer address (<see cref="AgentLineEvent.OfferAddress"/>): another front
    /// end's INVITE to it is relayed into the line. Never logged.</summary>
    public string OfferToken { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>Another front end's call relayed into the line now (instead of <see cref="Call"/>); null when none.</summary>
    public FrontEndLineRelay? Relay { get; set; }

    /// <summary>The ring timeout of the offer playing; null when none.</summary>
    public ITimer? OfferTimer { get; set; }

    /// <summary>The agent-grain reports sent so far, chained so they arrive in order.</summary>
    public Task Reports { get; set; } = Task.CompletedTask;
}
