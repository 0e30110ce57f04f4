namespace ContactCenter.Contracts.Configuration;

/// <summary>Where overflow or a closed queue sends work (ROUTE-4), or a transfer sends a call.</summary>
public enum RoutingTargetKind
{
    /// <summary>Another queue, by id.</summary>
    Queue,

    /// <summary>One agent, by id.</summary>
    Agent,

    /// <summary>An internal line or extension.</summary>
    InternalLine,

    /// <summary>An external or mobile number (E.164-like).</summary>
    ExternalNumber,

    /// <summary>An IVR tree, by id: the caller walks it (e.g. a voicemail or callback tree when the queue is closed or
    /// has waited too long, IVR-3/IVR-4). Not a target for an agent's transfer.</summary>
    IvrTree,
}
