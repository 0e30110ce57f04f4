namespace ContactCenter.Grains.Ivr;

/// <summary>A voicemail left in the IVR (IVR-3).</summary>
/// <param name="CallId">The call it was left in.</param>
/// <param name="MailboxId">The mailbox.</param>
/// <param name="CallerNumber">The caller's number.</param>
/// <param name="RecordedAt">When the recording ended.</param>
/// <param name="Duration">Its length.</param>
/// <param name="Location">Where the front end stored the file.</param>
public sealed record IvrVoicemailMessage(string CallId, string MailboxId, string CallerNumber, DateTimeOffset RecordedAt,
    TimeSpan Duration, string? Location);
