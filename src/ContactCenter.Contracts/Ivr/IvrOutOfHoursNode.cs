namespace ContactCenter.Contracts.Ivr;

/// <summary>The out-of-hours message (IVR-7): business hours and an e-mail alternative are part of the prompt; then
/// the call ends, or continues to <see cref="Next"/> (e.g. a voicemail).</summary>
public sealed record IvrOutOfHoursNode : IvrNode
{
    /// <summary>The message.</summary>
    public required IvrPrompt Prompt { get; init; }

    /// <summary>Node after the message; null = hang up.</summary>
    public string? Next { get; init; }
}
