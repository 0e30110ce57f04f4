namespace ContactCenter.Contracts.Calls;

/// <summary>Why a call ended.</summary>
public enum CallEndReason
{
    /// <summary>The conversation took place and its wrap-up is over.</summary>
    Completed,

    /// <summary>The caller hung up before talking to an agent (see <see cref="AbandonPhase"/>).</summary>
    Abandoned,

    /// <summary>The call was sent to an external number or line (overflow, closed queue, transfer) and left the
    /// platform.</summary>
    Forwarded,

    /// <summary>The queue was closed and its closed action ends calls.</summary>
    Closed,

    /// <summary>No agent could be reached for a call routed to one agent.</summary>
    AgentUnavailable,

    /// <summary>The front end holding the call's media is gone.</summary>
    MediaLost,

    /// <summary>The call could not be routed (unknown queue, refused request).</summary>
    Failed,

    /// <summary>The agent transferred the call to a number or line outside the platform (blind transfer), which took
    /// it.</summary>
    Transferred,
}
