using ContactCenter.Contracts.Calls.Media;

namespace ContactCenter.Host.Telephony;

/// <summary>The commands this front end does not carry out yet (consultation, conference, voicemail): each is logged,
/// and where the contract has an outcome event it is reported, so the call grain does not wait for an outcome that
/// never comes.</summary>
internal sealed partial class FrontEndCalls
{
    private const string NotSupported = "not supported by this front end yet";

    public Task ConsultAsync(string callId, string agentId)
    {
        LogNotSupported(_logger, nameof(ConsultAsync), callId);
        return Task.CompletedTask;
    }

    public Task ConferenceAsync(string callId, string agentId)
    {
        LogNotSupported(_logger, nameof(ConferenceAsync), callId);
        return Task.CompletedTask;
    }

    public Task RecordVoicemailAsync(string callId, VoicemailRecording recording)
    {
        ArgumentNullException.ThrowIfNull(recording);
        LogNotSupported(_logger, nameof(RecordVoicemailAsync), callId);
        if (_calls.TryGetValue(callId, out var call))
        {
            // Nothing recorded: the IVR goes on as after an empty message.
            Report(call, new VoicemailRecorded(callId, recording.RecordingId, TimeSpan.Zero));
        }
        return Task.CompletedTask;
    }

    [LoggerMessage(161, LogLevel.Warning, "Telephony: {Command} for call {CallId} is " + NotSupported)]
    private static partial void LogNotSupported(ILogger logger, string command, string callId);
}
