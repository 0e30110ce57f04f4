using System.Collections.Concurrent;
using ContactCenter.Actors;
using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Calls.Media;

namespace ContactCenter.TestSupport;

/// <summary>The SIP/media front end for tests above the grains: it carries nothing out and records which commands the
/// call grains sent. Given a grain factory, it also answers the agent's leg when the agent answers in the workspace (as a
/// persistent line or an auto-answering phone does), reporting to the call off its turn as a real front end does;
/// without one, the test plays the far ends and reports "the agent answered" itself.</summary>
public sealed class RecordingCallMedia(IGrainFactory? answerWith = null) : ICallMedia
{
    public ConcurrentQueue<(string CallId, string Command)> Commands { get; } = new();

    public bool Saw(string callId, string command) => Commands.Contains((callId, command));

    public Task AnswerAgentAsync(string callId, string agentId)
    {
        Record(callId, nameof(AnswerAgentAsync));
        if (answerWith is { } grains)
        {
            _ = Task.Run(() => grains.GetGrain<ICallGrain>(callId).OnMediaEventAsync(new AgentAnswered(callId, agentId)));
        }
        return Task.CompletedTask;
    }

    public Task AnswerAsync(string callId) => Record(callId, nameof(AnswerAsync));

    public Task PlayAsync(string callId, MediaPlayback playback) => Record(callId, nameof(PlayAsync));

    public Task StopPlaybackAsync(string callId) => Record(callId, nameof(StopPlaybackAsync));

    public Task CollectDigitsAsync(string callId, DigitCollection collection) => Record(callId, nameof(CollectDigitsAsync));

    public Task RecordVoicemailAsync(string callId, VoicemailRecording recording) => Record(callId, nameof(RecordVoicemailAsync));

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

    /// <summary>The persistent lines the agent grains asked to open, in order (to report them up or lost).</summary>
    public ConcurrentQueue<(string AgentId, string LineId)> OpenedLines { get; } = new();

    /// <summary>Recorded under the agent's id (in place of a call id), and in <see cref="OpenedLines"/>.</summary>
    public Task OpenLineAsync(string agentId, string lineId)
    {
        OpenedLines.Enqueue((agentId, lineId));
        return Record(agentId, nameof(OpenLineAsync));
    }

    /// <summary>Recorded under the agent's id (in place of a call id).</summary>
    public Task CloseLineAsync(string agentId, string lineId) => Record(agentId, nameof(CloseLineAsync));

    private Task Record(string callId, string command)
    {
        Commands.Enqueue((callId, command));
        return Task.CompletedTask;
    }
}
