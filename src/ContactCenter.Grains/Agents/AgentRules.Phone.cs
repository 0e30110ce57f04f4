using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Agents.Events;

namespace ContactCenter.Grains.Agents;

public static partial class AgentRules
{
    /// <summary>The pause reason of an agent whose phone could not be rung for an offer (no registration, or it could not
    /// be reached). It is no configured pause code: the platform sets it, and the agent's own resume (once the phone is
    /// registered) makes them ready again.</summary>
    public const string PhoneUnreachablePauseCode = "phone-unreachable";

    /// <summary>An offer given back because the agent's phone could not be rung: no miss (the agent did not let it ring
    /// out, so nothing counts against the no-answer policy), but an available agent is paused with
    /// <see cref="PhoneUnreachablePauseCode"/> so the next offers go to agents who can take them. A pause in force stays
    /// as it is (the agent takes no work either way).</summary>
    private static AgentDecision PhoneUnreachable(AgentState state, ReservationReleased release) =>
        state.Presence == Presence.Available
            ? AgentDecision.Emit(release, new AgentPaused(release.At, PhoneUnreachablePauseCode))
            : AgentDecision.Emit(release);
}
