namespace ContactCenter.Contracts.Voicemails;

/// <summary>A voicemail left in the IVR (IVR-3): the recording the front end made, filed in its mailbox by the host's
/// IVR services and listened to on the web.</summary>
public sealed record Voicemail
{
    /// <summary>Document id: <c>voicemail-</c> and a hash of the call, mailbox and recording time, so a repeated save of
    /// the same message files it once.</summary>
    public required string Id { get; init; }

    /// <summary>Document version; every write is a compare-and-swap on it.</summary>
    public long Version { get; init; }

    /// <summary>The mailbox (usually a queue id).</summary>
    public required string MailboxId { get; init; }

    /// <summary>The call it was left in.</summary>
    public required string CallId { get; init; }

    /// <summary>The caller's number; empty when the caller withheld it.</summary>
    public string CallerNumber { get; init; } = "";

    /// <summary>When the recording ended.</summary>
    public DateTimeOffset RecordedAt { get; init; }

    /// <summary>How long the message plays.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>Where the front end stored the WAV file; null when it reported none.</summary>
    public string? Path { get; init; }

    /// <summary>Where the message stands; documents stored before this member existed read as
    /// <see cref="VoicemailStatus.New"/>. Default <see cref="VoicemailStatus.New"/>.</summary>
    public VoicemailStatus Status { get; init; } = VoicemailStatus.New;
}
