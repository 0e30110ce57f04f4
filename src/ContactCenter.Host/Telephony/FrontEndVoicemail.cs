using ContactCenter.Media.Dtmf;
using ContactCenter.Media.Recording;
using ContactCenter.Media.Sessions;

namespace ContactCenter.Host.Telephony;

/// <summary>A caller's voicemail being recorded: the recorder on the caller's leg, the timer of its longest duration
/// and the handler that ends it on <c>#</c>. Guarded by its call's lock.</summary>
internal sealed class FrontEndVoicemail(VoicemailRecorder recorder, string? recordingId)
{
    public VoicemailRecorder Recorder { get; } = recorder;

    /// <summary>Echoed in the <c>VoicemailRecorded</c> report.</summary>
    public string? RecordingId { get; } = recordingId;

    /// <summary>Ends the recording when the longest duration passes.</summary>
    public ITimer? Timer { get; set; }

    /// <summary>Subscribed to the caller leg's <see cref="MediaLeg.DigitReceived"/> while recording.</summary>
    public Action<MediaLeg, DtmfDetection>? OnDigit { get; set; }
}
