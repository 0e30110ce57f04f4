namespace ContactCenter.Contracts.Ivr;

/// <summary>Records a voicemail (IVR-3) for a mailbox, listened to on the web. Recording ends at
/// <see cref="MaxDuration"/>, on <c>#</c>, or when the caller hangs up.</summary>
public sealed record IvrVoicemailNode : IvrNode
{
    /// <summary>Played before recording starts (e.g. "leave a message after the tone").</summary>
    public required IvrPrompt Prompt { get; init; }

    /// <summary>Id of the mailbox (usually a queue id) the message is for.</summary>
    public required string MailboxId { get; init; }

    /// <summary>Longest message, 5 s to 10 min. Default 2 min.</summary>
    public TimeSpan MaxDuration { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Node after recording; null = hang up.</summary>
    public string? Next { get; init; }
}
