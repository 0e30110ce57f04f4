namespace ContactCenter.Contracts.Calls;

/// <summary>Why a second agent is rung for a connected call.</summary>
public enum ConsultPurpose
{
    /// <summary>The call's agent consults the second agent while the customer holds (then completes the transfer,
    /// conferences or cancels).</summary>
    Consult,

    /// <summary>A blind transfer to the second agent: the call passes to that agent as soon as it answers.</summary>
    Transfer,
}
