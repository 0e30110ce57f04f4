namespace ContactCenter.Contracts.Calls;

/// <summary>Where a call is in its life cycle (held, consulting and conference are states within
/// <see cref="Connected"/>).</summary>
public enum CallPhase
{
    /// <summary>The call reached the platform; nothing has been decided yet.</summary>
    Arrived,

    /// <summary>The caller is in an IVR tree.</summary>
    Ivr,

    /// <summary>The call waits in a queue (music, announcements).</summary>
    Queued,

    /// <summary>An agent was reserved and its line rings.</summary>
    Ringing,

    /// <summary>Agent-initiated: the external number is being dialled.</summary>
    Dialing,

    /// <summary>The caller and the agent talk.</summary>
    Connected,

    /// <summary>The conversation ended; the agent does after-call work on it.</summary>
    WrapUp,

    /// <summary>Over; nothing changes any more.</summary>
    Ended,
}
