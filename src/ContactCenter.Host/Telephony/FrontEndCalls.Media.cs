using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Calls.Media;
using ContactCenter.Media.Dtmf;
using ContactCenter.Media.Mixing;
using ContactCenter.Sip.UserAgents;

namespace ContactCenter.Host.Telephony;

internal sealed partial class FrontEndCalls
{
    /// <summary>The music the customer hears on hold.</summary>
    private const string HoldMusic = "music-on-hold";

    public Task AnswerAsync(string callId)
    {
        if (TryGetCall(callId, nameof(AnswerAsync), out var call) && call.Caller is SipIncomingCall incoming && !incoming.Accept(call.Answer))
        {
            // The caller cancelled first: the grain is told (its hang-up report follows) and routes nothing.
            LogAnswerTooLate(_logger, callId);
            throw new InvalidOperationException($"call {callId}: the caller hung up before the answer");
        }
        return Task.CompletedTask;
    }

    public Task PlayAsync(string callId, MediaPlayback playback)
    {
        ArgumentNullException.ThrowIfNull(playback);
        if (TryGetCall(callId, nameof(PlayAsync), out var call))
        {
            Play(call, playback.PromptIds.IsDefault ? [] : playback.PromptIds, playback.Loop, playback.PlaybackId, playback.Language);
        }
        return Task.CompletedTask;
    }

    public Task StopPlaybackAsync(string callId)
    {
        if (TryGetCall(callId, nameof(StopPlaybackAsync), out var call))
        {
            lock (call.Sync)
            {
                call.PlaybackEndsAt = null;
                call.CallerMedia.StopPlayout();
            }
        }
        return Task.CompletedTask;
    }

    public Task CollectDigitsAsync(string callId, DigitCollection collection)
    {
        ArgumentNullException.ThrowIfNull(collection);
        if (!TryGetCall(callId, nameof(CollectDigitsAsync), out var call))
        {
            return Task.CompletedTask;
        }
        // The timeout runs from the end of the prompt playing now, so a caller is not timed out while listening.
        TimeSpan untilPlaybackEnds;
        lock (call.Sync)
        {
            untilPlaybackEnds = call.PlaybackEndsAt is { } end && end > _time.GetUtcNow() ? end - _time.GetUtcNow() : TimeSpan.Zero;
        }
        var options = new DigitCollectOptions
        {
            MaxDigits = Math.Max(1, collection.MaxDigits),
            Terminators = collection.Terminator ?? "",
            FirstDigitTimeout = collection.Timeout + untilPlaybackEnds,
            InterDigitTimeout = collection.Timeout,
        };
        _ = call.CallerMedia.CollectDigits(options).ContinueWith(
            t =>
            {
                if (t.IsCompletedSuccessfully && t.Result.End != DigitCollectEnd.Cancelled)
                {
                    var timedOut = t.Result.End is DigitCollectEnd.NoInput or DigitCollectEnd.InterDigitTimeout;
                    Report(call, new DigitsCollected(callId, t.Result.Digits, timedOut, collection.CollectionId));
                }
            },
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return Task.CompletedTask;
    }

    public Task BridgeAsync(string callId, string agentId)
    {
        if (TryGetCall(callId, nameof(BridgeAsync), out var call))
        {
            AnswerPlacingPhone(call, agentId);
            lock (call.Sync)
            {
                PhoneTransferFailedLocked(call, agentId);
                call.BridgedAgentId = agentId;
                call.Held = false;
                BridgeLocked(call);
            }
        }
        return Task.CompletedTask;
    }

    public Task HoldAsync(string callId, bool held)
    {
        if (!TryGetCall(callId, nameof(HoldAsync), out var call))
        {
            return Task.CompletedTask;
        }
        lock (call.Sync)
        {
            if (call.Held == held)
            {
                return Task.CompletedTask;
            }
            call.Held = held;
            if (!held)
            {
                BridgeLocked(call);
                return Task.CompletedTask;
            }
            EndSupervisionLocked(call);
            // The recording is parked rather than finalised: it goes on in the same file once the customer is back.
            if (call.Bridge is { } bridge)
            {
                call.ParkedRecording = bridge.DetachRecording();
                bridge.Dispose();
                call.Bridge = null;
            }
        }
        Play(call, [HoldMusic], loop: true, playbackId: null, language: null);
        return Task.CompletedTask;
    }

    public Task RecordAsync(string callId, RecordingCommand command)
    {
        if (!TryGetCall(callId, nameof(RecordAsync), out var call))
        {
            return Task.CompletedTask;
        }
        lock (call.Sync)
        {
            // The recording lives on the bridge: a supervision is ended around the change and started again.
            var supervised = EndSupervisionLocked(call);
            var recording = call.Bridge?.Recording ?? call.ParkedRecording;
            switch (command)
            {
                case RecordingCommand.Start:
                    call.RecordingWanted = true;
                    StartRecordingLocked(call);
                    break;
                case RecordingCommand.Pause:
                    recording?.Pause();
                    break;
                case RecordingCommand.Resume:
                    recording?.Resume();
                    break;
                default:
                    StopRecordingLocked(call);
                    break;
            }
            if (supervised)
            {
                SuperviseLocked(call);
            }
        }
        return Task.CompletedTask;
    }

    public Task HangUpAsync(string callId, CallEndReason reason)
    {
        if (!TryGetCall(callId, nameof(HangUpAsync), out var call))
        {
            return Task.CompletedTask;
        }
        if (call.Transferred)
        {
            // The grain leaves a transferred call; the customer and the transfer target go on talking through us.
            LogTransferredKept(_logger, callId);
        }
        else if (EndCall(call))
        {
            LogHungUp(_logger, callId, reason);
        }
        return Task.CompletedTask;
    }

    /// <summary>Plays to the caller (replacing what plays); a non-looping playback that ends reports
    /// <see cref="PlaybackFinished"/>. A prompt that cannot be read is logged and counts as played, so the call goes on.</summary>
    private void Play(FrontEndCall call, IReadOnlyList<string> promptIds, bool loop, string? playbackId, string? language)
    {
        short[] samples;
        try
        {
            samples = _prompts.Compose(promptIds, language);
        }
        catch (Exception exception) when (exception is IOException or InvalidDataException or ArgumentException or UnauthorizedAccessException)
        {
            LogPromptMissing(_logger, call.CallId, string.Join(", ", promptIds), language ?? FrontEndPrompts.DefaultLanguage, exception.Message);
            if (!loop)
            {
                Report(call, new PlaybackFinished(call.CallId, playbackId));
            }
            return;
        }
        if (samples.Length == 0)
        {
            if (!loop)
            {
                Report(call, new PlaybackFinished(call.CallId, playbackId));
            }
            return;
        }
        Task<bool> played;
        lock (call.Sync)
        {
            if (call.Ended)
            {
                return;
            }
            call.PlaybackEndsAt = loop ? null : _time.GetUtcNow() + TimeSpan.FromSeconds(samples.Length / 8000.0);
            played = call.CallerMedia.Play(samples, loop);
        }
        if (!loop)
        {
            _ = played.ContinueWith(
                t =>
                {
                    // Stopped or replaced playbacks did not reach their end: only a finished one is reported.
                    if (t.IsCompletedSuccessfully && t.Result)
                    {
                        Report(call, new PlaybackFinished(call.CallId, playbackId));
                    }
                },
                CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    /// <summary>Connects the caller with <see cref="FrontEndCall.BridgedAgentId"/>'s answered leg, moving a running
    /// or parked recording to the new bridge.</summary>
    private void BridgeLocked(FrontEndCall call)
    {
        if (call.Ended || call.BridgedAgentId is not { } agentId
            || !call.Agents.TryGetValue(agentId, out var agent) || !agent.Answered || agent.Media is not { } agentMedia)
        {
            LogNothingToBridge(_logger, call.CallId, call.BridgedAgentId);
            return;
        }
        call.PlaybackEndsAt = null;
        call.CallerMedia.StopPlayout();
        if (call.Supervision is { } supervision && supervision.Legs[HearingMatrix.Agent] == agentMedia
            || call.Conference is { } conference && conference.Legs.Contains(agentMedia))
        {
            return;
        }
        // The customer is back: a consultation or a conference without this agent is over.
        EndConsultationLocked(call);
        EndConferenceLocked(call);
        EndSupervisionLocked(call);
        if (call.Bridge is { } existing)
        {
            if (existing.Agent == agentMedia)
            {
                return;
            }
            call.ParkedRecording ??= existing.DetachRecording();
            existing.Dispose();
        }
        call.Bridge = _engine.Bridge(call.CallerMedia, agentMedia);
        if (call.ParkedRecording is { } parked)
        {
            call.ParkedRecording = null;
            call.Bridge.StartRecording(parked);
        }
        else if (call.RecordingWanted)
        {
            StartRecordingLocked(call);
        }
        SuperviseLocked(call);
    }

    private void StartRecordingLocked(FrontEndCall call)
    {
        if (call.Bridge is not { Recording: null } bridge || call.ParkedRecording is not null)
        {
            // Not bridged yet (the bridge starts it), or already recording.
            return;
        }
        try
        {
            var recording = _engine.Record(bridge, call.CallId);
            LogRecording(_logger, call.CallId, recording.WavPath);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            LogRecordingFailed(_logger, call.CallId, exception);
        }
    }

    private static void StopRecordingLocked(FrontEndCall call)
    {
        call.RecordingWanted = false;
        call.Bridge?.StopRecording();
        call.ParkedRecording?.Dispose();
        call.ParkedRecording = null;
    }

    [LoggerMessage(157, LogLevel.Warning, "Telephony: call {CallId}: prompts {PromptIds} ({Language}) cannot be played ({Reason}); counted as played")]
    private static partial void LogPromptMissing(ILogger logger, string callId, string promptIds, string language, string reason);

    [LoggerMessage(162, LogLevel.Error, "Telephony: recording call {CallId} failed")]
    private static partial void LogRecordingFailed(ILogger logger, string callId, Exception exception);

    [LoggerMessage(167, LogLevel.Information, "Telephony: call {CallId} is recorded to {Path}")]
    private static partial void LogRecording(ILogger logger, string callId, string path);

    [LoggerMessage(168, LogLevel.Information, "Telephony: call {CallId} hung up ({Reason})")]
    private static partial void LogHungUp(ILogger logger, string callId, CallEndReason reason);

    [LoggerMessage(169, LogLevel.Information, "Telephony: call {CallId} was cancelled before the grain answered it")]
    private static partial void LogAnswerTooLate(ILogger logger, string callId);

    [LoggerMessage(180, LogLevel.Debug, "Telephony: call {CallId} was transferred; its grain left, the legs stay up")]
    private static partial void LogTransferredKept(ILogger logger, string callId);

    [LoggerMessage(170, LogLevel.Warning, "Telephony: call {CallId}: agent {AgentId} has no answered leg to bridge")]
    private static partial void LogNothingToBridge(ILogger logger, string callId, string? agentId);
}
