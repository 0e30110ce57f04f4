namespace ContactCenter.Contracts.Ivr;

/// <summary>Ends the call, optionally after a prompt.</summary>
public sealed record IvrHangupNode : IvrNode
{
    /// <summary>Played before hanging up; null = none.</summary>
    public IvrPrompt? Prompt { get; init; }
}
