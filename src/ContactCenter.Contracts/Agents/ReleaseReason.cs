namespace ContactCenter.Contracts.Agents;

/// <summary>Why a reservation (a reserved or ringing slot) was given back before it was answered.</summary>
public enum ReleaseReason
{
    /// <summary>The agent declined the offer; counts as declined.</summary>
    Declined,

    /// <summary>The offer rang out (ROUTE-7); counts as missed.</summary>
    NoAnswer,

    /// <summary>The reservation was never turned into a ringing offer in time; the agent grain releases it itself so
    /// no agent stays stuck in Reserved.</summary>
    Timeout,

    /// <summary>The work went away or was given to someone else (caller hung up, queue withdrew the offer).</summary>
    Withdrawn,

    /// <summary>The agent's phone could not be rung (no registration, or it could not be reached): not a miss, so it is
    /// not counted against the agent's no-answer policy; the agent is paused with the platform's
    /// <c>phone-unreachable</c> reason until they make themselves ready again.</summary>
    Unreachable,
}
