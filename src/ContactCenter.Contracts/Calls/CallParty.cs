namespace ContactCenter.Contracts.Calls;

/// <summary>Which side of a call did something.</summary>
public enum CallParty
{
    /// <summary>The external party (the caller of an inbound call, the called number of an outbound one).</summary>
    Customer,

    /// <summary>The agent.</summary>
    Agent,

    /// <summary>The platform (a timeout, a supervisor, an administrator).</summary>
    System,
}
