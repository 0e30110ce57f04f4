namespace ContactCenter.Contracts.Calls;

/// <summary>Where a caller hung up before talking to an agent (REP-3).</summary>
public enum AbandonPhase
{
    /// <summary>Before the IVR or the queue took the call.</summary>
    BeforeIvr,

    /// <summary>In the IVR.</summary>
    InIvr,

    /// <summary>Waiting in a queue.</summary>
    InQueue,

    /// <summary>While an agent's line rang.</summary>
    RingingAtAgent,
}
