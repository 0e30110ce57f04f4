namespace ContactCenter.Contracts.Calls.Media;

/// <summary>A voicemail recording ended (limit, <c>#</c>, or the caller hung up) and its file is stored.</summary>
/// <param name="CallId">The call.</param>
/// <param name="RecordingId">The recording's id, as requested.</param>
/// <param name="Duration">Length of the message (zero when nothing was said).</param>
/// <param name="Location">Where the front end stored the file (its path or URI), for the mailbox; null when nothing
/// was stored.</param>
public sealed record VoicemailRecorded(string CallId, string? RecordingId, TimeSpan Duration, string? Location = null) : CallMediaEvent(CallId);
