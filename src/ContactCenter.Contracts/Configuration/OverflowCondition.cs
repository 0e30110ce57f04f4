namespace ContactCenter.Contracts.Configuration;

/// <summary>The condition of an overflow rule.</summary>
public enum OverflowCondition
{
    /// <summary>A waiting item has waited at least <see cref="OverflowRule.MaxWait"/>.</summary>
    WaitTime,

    /// <summary>On arrival, at least <see cref="OverflowRule.MaxLength"/> items already wait (checked at admission
    /// only: an admitted item is never pushed out by later, higher-priority arrivals).</summary>
    QueueLength,

    /// <summary>No agent is logged in to the queue (on arrival and while waiting).</summary>
    NoAgentLoggedIn,
}
