using ContactCenter.Contracts.Calls.Media;

namespace ContactCenter.Host.Telephony;

/// <summary>The commands this front end does not carry out yet (consultation, conference, listen-in, external legs,
/// transfers to numbers, voicemail): each is logged, and where the contract has a failure event it is reported, so the
/// call grain does not wait for an outcome that never comes.</summary>
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

    public Task ListenInAsync(string callId, ListenInRequest request)
    {
        LogNotSupported(_logger, nameof(ListenInAsync), callId);
        return Task.CompletedTask;
    }

    public Task DialAsync(string callId, ExternalLegRequest request)
    {
        LogNotSupported(_logger, nameof(DialAsync), callId);
        if (_calls.TryGetValue(callId, out var call))
        {
            Report(call, new ExternalLegFailed(callId, 501, NotSupported));
        }
        return Task.CompletedTask;
    }

    public Task TransferAsync(string callId, string target)
    {
        LogNotSupported(_logger, nameof(TransferAsync), callId);
        if (_calls.TryGetValue(callId, out var call))
        {
            Report(call, new TransferFailed(callId, NotSupported));
        }
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
