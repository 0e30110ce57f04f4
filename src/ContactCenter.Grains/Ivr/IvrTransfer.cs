namespace ContactCenter.Grains.Ivr;

/// <summary>Leave the IVR by a transfer to exactly one of an external number or an agent; a failure comes back as
/// <see cref="IvrTransferFailed"/>.</summary>
/// <param name="Number">The external number.</param>
/// <param name="AgentId">The agent.</param>
public sealed record IvrTransfer(string? Number, string? AgentId) : IvrAction;
