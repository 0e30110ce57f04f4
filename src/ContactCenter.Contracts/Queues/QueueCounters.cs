namespace ContactCenter.Contracts.Queues;

/// <summary>A queue's figures since <see cref="Since"/> (the first event or the last reset). Every work item offered to
/// the queue ends answered, abandoned, withdrawn or overflowed, or is still waiting.</summary>
public sealed record QueueCounters
{
    /// <summary>Start of the counting period.</summary>
    public DateTimeOffset Since { get; init; }

    /// <summary>Work that entered the queue.</summary>
    public int Offered { get; init; }

    /// <summary>Work answered by an agent (handled).</summary>
    public int Answered { get; init; }

    /// <summary>Answered work that waited no longer than the SLA threshold.</summary>
    public int AnsweredWithinSla { get; init; }

    /// <summary>Work whose caller hung up while waiting (lost).</summary>
    public int Abandoned { get; init; }

    /// <summary>Work taken out by its owner without answer or abandon.</summary>
    public int Withdrawn { get; init; }

    /// <summary>Work sent on by an overflow rule.</summary>
    public int Overflowed { get; init; }

    /// <summary>Work that arrived while the queue was closed (not counted in <see cref="Offered"/>).</summary>
    public int ClosedOnArrival { get; init; }

    /// <summary>Offers that came back unanswered (rang out, declined, timed out).</summary>
    public int OffersReturned { get; init; }

    /// <summary>Sum of the waits of answered work.</summary>
    public TimeSpan AnsweredWaitTotal { get; init; }

    /// <summary>Longest wait of answered work.</summary>
    public TimeSpan LongestAnsweredWait { get; init; }

    /// <summary>Sum of the waits of abandoned work.</summary>
    public TimeSpan AbandonedWaitTotal { get; init; }

    /// <summary>Longest wait of abandoned work.</summary>
    public TimeSpan LongestAbandonedWait { get; init; }
}
