namespace ContactCenter.Contracts.Configuration;

/// <summary>One overflow rule of a queue; rules are evaluated in declared order and the first that holds fires.</summary>
public sealed record OverflowRule
{
    /// <summary>The condition.</summary>
    public required OverflowCondition Condition { get; init; }

    /// <summary>Where the work goes when the rule fires.</summary>
    public required RoutingTarget Target { get; init; }

    /// <summary>For <see cref="OverflowCondition.WaitTime"/>: the wait that triggers the rule (positive).</summary>
    public TimeSpan MaxWait { get; init; }

    /// <summary>For <see cref="OverflowCondition.QueueLength"/>: the number already waiting that makes the queue full
    /// (0 = always overflow on arrival).</summary>
    public int MaxLength { get; init; }
}
