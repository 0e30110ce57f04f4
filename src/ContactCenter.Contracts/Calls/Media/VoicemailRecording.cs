namespace ContactCenter.Contracts.Calls.Media;

/// <summary>Record a voicemail from the caller (IVR-3), after a tone; recording ends at <paramref name="MaxDuration"/>,
/// on <c>#</c> or when the caller hangs up, and is reported as <see cref="VoicemailRecorded"/>.</summary>
/// <param name="MailboxId">The mailbox the message is for.</param>
/// <param name="MaxDuration">Longest message.</param>
/// <param name="RecordingId">Echoed in <see cref="VoicemailRecorded"/>.</param>
public sealed record VoicemailRecording(string MailboxId, TimeSpan MaxDuration, string? RecordingId = null);
