using ContactCenter.Contracts.Calls.Media;

namespace ContactCenter.Grains.Ivr;

/// <summary>Record a voicemail (<see cref="ICallMedia.RecordVoicemailAsync"/>).</summary>
/// <param name="Recording">The mailbox, the limit and the id its end is reported with.</param>
public sealed record IvrRecordVoicemail(VoicemailRecording Recording) : IvrAction;
