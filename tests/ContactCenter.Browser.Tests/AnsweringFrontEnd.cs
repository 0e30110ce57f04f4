using System.Collections.Concurrent;
using ContactCenter.Actors;
using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Calls.Media;

namespace ContactCenter.Browser.Tests;

/// <summary>The SIP/media front end as the browser tests need it: every command is recorded, and the agent's phone
/// answers when the agent answers in the workspace (as a persistent line or an auto-answering phone does). Reports go
/// to the call off its turn, as a real front end's do.</summary>
internal sealed class AnsweringFrontEnd(IGrainFactory grains) : ICallMedia
{
    public ConcurrentQueue<(string CallId, string Command)> Commands { get; } = new();

    public Task AnswerAgentAsync(string callId, string agentId)
    {
        Record(callId, nameof(AnswerAgentAsync));
        _ = Task.Run(() => grains.GetGrain<ICallGrain>(callId).OnMediaEventAsync(new AgentAnswered(callId, agentId)));
        return Task.CompletedTask;
    }

    public Task AnswerAsync(string callId) => Record(callId, nameof(AnswerAsync));

    public Task PlayAsync(string callId, MediaPlayback playback) => Record(callId, nameof(PlayAsync));

    public Task StopPlaybackAsync(string callId) => Record(callId, nameof(StopPlaybackAsync));

    public Task CollectDigitsAsync(string callId, DigitCollection collection) => Record(callId, nameof(CollectDigitsAsync));

    public Task RingAgentAsync(string callId, AgentLegRequest request) => Record(callId, nameof(RingAgentAsync));

    public Task DropLegAsync(string callId, string agentId) => Record(callId, nameof(DropLegAsync));

    public Task ConsultAsync(string callId, string agentId) => Record(callId, nameof(ConsultAsync));

    public Task BridgeAsync(string callId, string agentId) => Record(callId, nameof(BridgeAsync));

    public Task HoldAsync(string callId, bool held) => Record(callId, nameof(HoldAsync));

    public Task RecordAsync(string callId, RecordingCommand command) => Record(callId, nameof(RecordAsync));

    public Task DialAsync(string callId, ExternalLegRequest request) => Record(callId, nameof(DialAsync));

    public Task TransferAsync(string callId, string target) => Record(callId, nameof(TransferAsync));

    public Task ConferenceAsync(string callId, string agentId) => Record(callId, nameof(ConferenceAsync));

    public Task ListenInAsync(string callId, ListenInRequest request) => Record(callId, nameof(ListenInAsync));

    public Task HangUpAsync(string callId, CallEndReason reason) => Record(callId, nameof(HangUpAsync));

    private Task Record(string callId, string command)
    {
        Commands.Enqueue((callId, command));
        return Task.CompletedTask;
    }
}
