using System.Collections.Concurrent;
using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Calls.Media;

namespace ContactCenter.Web.Tests.Hubs;

/// <summary>A front end that carries nothing out and records which commands the call grains sent (the far ends are the
/// test: it reports "the agent answered" itself).</summary>
internal sealed class RecordingCallMedia : ICallMedia
{
    public ConcurrentQueue<(string CallId, string Command)> Commands { get; } = new();

    public bool Saw(string callId, string command) => Commands.Contains((callId, command));

    public Task AnswerAsync(string callId) => Record(callId, nameof(AnswerAsync));

    public Task PlayAsync(string callId, MediaPlayback playback) => Record(callId, nameof(PlayAsync));

    public Task StopPlaybackAsync(string callId) => Record(callId, nameof(StopPlaybackAsync));

    public Task CollectDigitsAsync(string callId, DigitCollection collection) => Record(callId, nameof(CollectDigitsAsync));

    public Task RingAgentAsync(string callId, AgentLegRequest request) => Record(callId, nameof(RingAgentAsync));

    public Task AnswerAgentAsync(string callId, string agentId) => Record(callId, nameof(AnswerAgentAsync));

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
