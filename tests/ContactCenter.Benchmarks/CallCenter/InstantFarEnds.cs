using System.Collections.Concurrent;
using System.Diagnostics;
using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Calls.Media;

namespace ContactCenter.Benchmarks.CallCenter;

/// <summary>A front end whose far ends react at once: the agent's phone answers as soon as it rings, the caller hangs
/// up as soon as the call is bridged. Reactions are reported off the grain's turn (the contract forbids waiting on the
/// call inside a command). <see cref="Expect"/> gives the time the phone rang once the call has ended.</summary>
internal sealed class InstantFarEnds(IGrainFactory grains) : ICallMedia
{
    private readonly ConcurrentDictionary<string, (TaskCompletionSource<long> Ended, long Rang)> _calls = new(StringComparer.Ordinal);

    public Task<long> Expect(string callId)
    {
        var ended = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        _calls[callId] = (ended, 0);
        return ended.Task;
    }

    public Task AnswerAsync(string callId) => Task.CompletedTask;

    public Task PlayAsync(string callId, MediaPlayback playback) => Task.CompletedTask;

    public Task StopPlaybackAsync(string callId) => Task.CompletedTask;

    public Task CollectDigitsAsync(string callId, DigitCollection collection) => Task.CompletedTask;

    public Task RecordVoicemailAsync(string callId, VoicemailRecording recording) => Task.CompletedTask;

    public Task RingAgentAsync(string callId, AgentLegRequest request)
    {
        if (_calls.TryGetValue(callId, out var call))
        {
            _calls[callId] = call with { Rang = Stopwatch.GetTimestamp() };
        }
        Report(new AgentAnswered(callId, request.AgentId));
        return Task.CompletedTask;
    }

    public Task AnswerAgentAsync(string callId, string agentId) => Task.CompletedTask; // agents answer as soon as rung

    public Task DropLegAsync(string callId, string agentId) => Task.CompletedTask;

    public Task ConsultAsync(string callId, string agentId) => Task.CompletedTask;

    public Task BridgeAsync(string callId, string agentId)
    {
        Report(new CallerHungUp(callId));
        return Task.CompletedTask;
    }

    public Task HoldAsync(string callId, bool held) => Task.CompletedTask;

    public Task RecordAsync(string callId, RecordingCommand command) => Task.CompletedTask;

    public Task DialAsync(string callId, ExternalLegRequest request) => Task.CompletedTask;

    public Task TransferAsync(string callId, string target) => Task.CompletedTask;

    public Task ConferenceAsync(string callId, string agentId) => Task.CompletedTask;

    public Task ListenInAsync(string callId, ListenInRequest request) => Task.CompletedTask;

    public Task HangUpAsync(string callId, CallEndReason reason)
    {
        if (_calls.TryRemove(callId, out var call))
        {
            call.Ended.TrySetResult(call.Rang);
        }
        return Task.CompletedTask;
    }

    public Task OpenLineAsync(string agentId, string lineId) => Task.CompletedTask; // the benchmark's agents ring per call

    public Task CloseLineAsync(string agentId, string lineId) => Task.CompletedTask;

    private void Report(CallMediaEvent mediaEvent) =>
        _ = Task.Run(() => grains.GetGrain<ICallGrain>(mediaEvent.CallId).OnMediaEventAsync(mediaEvent));
}
