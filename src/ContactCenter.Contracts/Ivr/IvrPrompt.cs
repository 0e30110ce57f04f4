namespace ContactCenter.Contracts.Ivr;

/// <summary>Something played to the caller: exactly one of a recorded prompt or text to speak (IVR-2).</summary>
public sealed record IvrPrompt
{
    /// <summary>Id of a recorded prompt: the file name without <c>.wav</c> in the tree language's prompt folder
    /// (e.g. <c>welcome</c>); null when <see cref="Text"/> is set.</summary>
    public string? PromptId { get; init; }

    /// <summary>Text spoken by text-to-speech in the tree's language (at most 1,000 characters); null when
    /// <see cref="PromptId"/> is set.</summary>
    public string? Text { get; init; }
}
