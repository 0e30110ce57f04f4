namespace ContactCenter.Contracts.Reporting;

/// <summary>Which interaction facts to read: those started in [<see cref="From"/>, <see cref="To"/>), optionally of
/// one queue (the last one) or one agent, oldest first.</summary>
public sealed record InteractionQuery
{
    /// <summary>Start of the period (inclusive).</summary>
    public required DateTimeOffset From { get; init; }

    /// <summary>End of the period (exclusive).</summary>
    public required DateTimeOffset To { get; init; }

    /// <summary>Only interactions whose last queue is this one.</summary>
    public string? QueueId { get; init; }

    /// <summary>Only interactions whose last agent (<see cref="InteractionFact.AgentId"/>, the one who finished them) is
    /// this one.</summary>
    public string? AgentId { get; init; }

    /// <summary>At most this many, oldest first.</summary>
    public int Limit { get; init; } = 1000;

    /// <summary>Continue after this fact (the last of the previous page): its start time and id.</summary>
    public (DateTimeOffset StartedAt, string Id)? After { get; init; }
}
