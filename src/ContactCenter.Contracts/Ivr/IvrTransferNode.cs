namespace ContactCenter.Contracts.Ivr;

/// <summary>Leaves the IVR by transferring the call to exactly one of an external number (through the outbound
/// gateway) or an agent.</summary>
public sealed record IvrTransferNode : IvrNode
{
    /// <summary>External number, E.164-like: an optional '+' and 3-20 digits; null when <see cref="AgentId"/> is set.
    /// </summary>
    public string? Number { get; init; }

    /// <summary>Agent to ring; null when <see cref="Number"/> is set.</summary>
    public string? AgentId { get; init; }

    /// <summary>Played before the transfer; null = none.</summary>
    public IvrPrompt? Prompt { get; init; }

    /// <summary>Node when the destination is busy, does not answer or fails; null = hang up.</summary>
    public string? Failed { get; init; }
}
