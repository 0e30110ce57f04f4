namespace ContactCenter.Contracts.Calls;

/// <summary>Where the second agent of a connected call is.</summary>
public enum ConsultStage
{
    /// <summary>Its line rings; the customer holds.</summary>
    Ringing,

    /// <summary>It talks with the call's agent; the customer holds.</summary>
    Talking,

    /// <summary>The customer, the call's agent and it talk together.</summary>
    Conference,
}
