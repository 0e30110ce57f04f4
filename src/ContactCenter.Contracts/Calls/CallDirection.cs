namespace ContactCenter.Contracts.Calls;

/// <summary>Who started the call.</summary>
public enum CallDirection
{
    /// <summary>A caller dialled one of the platform's numbers.</summary>
    Inbound,

    /// <summary>An agent dialled an external number (the agent's leg first, then the external leg).</summary>
    Outbound,
}
