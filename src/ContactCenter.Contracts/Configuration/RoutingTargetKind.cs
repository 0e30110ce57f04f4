namespace ContactCenter.Contracts.Configuration;

/// <summary>Where overflow or a closed queue sends work (ROUTE-4).</summary>
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
}
