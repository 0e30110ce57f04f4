namespace ContactCenter.Contracts.Ivr;

/// <summary>Plays a prompt, then continues.</summary>
public sealed record IvrPlayNode : IvrNode
{
    /// <summary>What to play.</summary>
    public required IvrPrompt Prompt { get; init; }

    /// <summary>Node after the prompt.</summary>
    public required string Next { get; init; }
}
