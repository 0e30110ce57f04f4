using ContactCenter.Contracts.Calls.Media;

namespace ContactCenter.Host.Telephony;

internal sealed partial class FrontEndCalls
{
    /// <summary>The key that ends a voicemail before its longest duration.</summary>
    private const char VoicemailEndKey = '#';

    /// <summary>Records what the caller says into <c>{VoicemailDirectory}/{callId}-{recordingId}.wav</c> until the
    /// longest duration passes, the caller presses <c>#</c> or hangs up; then reports <see cref="VoicemailRecorded"/>.
    /// A file that cannot be written is logged and reported as an empty message, so the IVR goes on.</summary>
    public Task RecordVoicemailAsync(string callId, VoicemailRecording recording)
    {
        ArgumentNullException.ThrowIfNull(recording);
        if (!TryGetCall(callId, nameof(RecordVoicemailAsync), out var call))
        {
            return Task.CompletedTask;
        }
        var name = $"{callId}-{recording.RecordingId ?? Guid.NewGuid().ToString("N")}.wav";
        var failed = false;
        lock (call.Sync)
        {
            if (call.Ended)
            {
                return Task.CompletedTask;
            }
            FinishVoicemailLocked(call, report: false);
            try
            {
                if (name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
                {
                    throw new ArgumentException($"'{name}' cannot be used as a file name.", nameof(recording));
                }
                var recorder = _engine.RecordVoicemail(call.CallerMedia, Path.Combine(_options.VoicemailDirectory, name), recording.MaxDuration);
                var voicemail = new FrontEndVoicemail(recorder, recording.RecordingId);
                voicemail.OnDigit = (_, detection) =>
                {
                    if (detection.Digit == VoicemailEndKey)
                    {
                        FinishVoicemail(call, voicemail);
                    }
                };
                call.Voicemail = voicemail;
                call.CallerMedia.DigitReceived += voicemail.OnDigit;
                voicemail.Timer = _time.CreateTimer(_ => FinishVoicemail(call, voicemail), null, recording.MaxDuration, Timeout.InfiniteTimeSpan);
                LogVoicemailRecording(_logger, callId, recorder.Path);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
            {
                LogVoicemailFailed(_logger, callId, exception);
                failed = true;
            }
        }
        if (failed)
        {
            // Nothing recorded: the IVR goes on as after an empty message.
            Report(call, new VoicemailRecorded(callId, recording.RecordingId, TimeSpan.Zero));
        }
        return Task.CompletedTask;
    }

    /// <summary>Ends <paramref name="voicemail"/> (the limit passed or the caller pressed <c>#</c>) unless it ended already.</summary>
    private void FinishVoicemail(FrontEndCall call, FrontEndVoicemail voicemail)
    {
        lock (call.Sync)
        {
            if (call.Voicemail == voicemail)
            {
                FinishVoicemailLocked(call, report: true);
            }
        }
    }

    /// <summary>Completes the voicemail being recorded, if any, and (when <paramref name="report"/>) reports it; the report
    /// is queued before any report that follows, such as the caller's hang-up.</summary>
    private void FinishVoicemailLocked(FrontEndCall call, bool report)
    {
        if (call.Voicemail is not { } voicemail)
        {
            return;
        }
        call.Voicemail = null;
        voicemail.Timer?.Dispose();
        call.CallerMedia.DigitReceived -= voicemail.OnDigit;
        TimeSpan duration;
        try
        {
            duration = voicemail.Recorder.Complete();
        }
        catch (IOException exception)
        {
            LogVoicemailFailed(_logger, call.CallId, exception);
            duration = TimeSpan.Zero;
        }
        LogVoicemailRecorded(_logger, call.CallId, voicemail.Recorder.Path, duration);
        if (report)
        {
            Report(call, new VoicemailRecorded(call.CallId, voicemail.RecordingId, duration, duration > TimeSpan.Zero ? voicemail.Recorder.Path : null));
        }
    }

    [LoggerMessage(210, LogLevel.Information, "Telephony: call {CallId}: recording a voicemail to {Path}")]
    private static partial void LogVoicemailRecording(ILogger logger, string callId, string path);

    [LoggerMessage(211, LogLevel.Information, "Telephony: call {CallId}: voicemail {Path} recorded ({Duration})")]
    private static partial void LogVoicemailRecorded(ILogger logger, string callId, string path, TimeSpan duration);

    [LoggerMessage(212, LogLevel.Error, "Telephony: call {CallId}: recording a voicemail failed")]
    private static partial void LogVoicemailFailed(ILogger logger, string callId, Exception exception);
}
