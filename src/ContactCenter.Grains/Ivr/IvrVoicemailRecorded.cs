namespace ContactCenter.Grains.Ivr;

/// <summary>The voicemail recording the walk started ended.</summary>
/// <param name="RecordingId">The recording's id.</param>
/// <param name="Duration">Length of the message.</param>
/// <param name="Location">Where the front end stored the file.</param>
public sealed record IvrVoicemailRecorded(string? RecordingId, TimeSpan Duration, string? Location) : IvrInput;
