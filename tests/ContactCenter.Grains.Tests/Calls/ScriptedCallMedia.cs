using System.Collections.Concurrent;
using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Calls.Media;
using ContactCenter.TestSupport;

namespace ContactCenter.Grains.Tests.Calls;

/// <summary>A front end for tests: it records every media command a call grain gives it and does nothing else; the
/// test plays the far ends by reporting media events to the call.</summary>
public sealed class ScriptedCallMedia : ICallMedia
{
    private readonly ConcurrentQueue<MediaCommand> _commands = new();
    private readonly ConcurrentQueue<MediaCommand> _undrained = new();

    /// <summary>Every command so far, in order.</summary>
    public IReadOnlyList<MediaCommand> Commands => [.. _commands];

    /// <summary>The commands given for one call, in order.</summary>
    public IReadOnlyList<MediaCommand> For(string callId) => [.. _commands.Where(c => c.CallId == callId)];

    /// <summary>Takes the commands given since the last drain, in order (a driver playing the far ends).</summary>
    public List<MediaCommand> Drain()
    {
        var drained = new List<MediaCommand>();
        while (_undrained.TryDequeue(out var command))
        {
            drained.Add(command);
        }
        return drained;
    }

    /// <summary>Waits until the call was given the command <paramref name="name"/> (optionally with an argument
    /// matching <paramref name="argument"/>) and returns it.</summary>
    public async Task<MediaCommand> WaitForAsync(string callId, string name, Func<object?, bool>? argument = null)
    {
        MediaCommand? found = null;
        await Eventually.TrueAsync(
            () => (found = _commands.FirstOrDefault(c => c.CallId == callId && c.Name == name && (argument is null || argument(c.Argument)))) is not null,
            TimeSpan.FromSeconds(10),
            $"media command {name} for call {callId}; got [{string.Join(", ", For(callId).Select(c => c.Name))}]");
        return found!;
    }

    /// <summary>Answering fails as a front end's does when the caller cancelled first.</summary>
    public bool RefuseAnswers { get; init; }

    public async Task AnswerAsync(string callId)
    {
        await Record(callId, nameof(AnswerAsync));
        if (RefuseAnswers)
        {
            throw new InvalidOperationException($"call {callId}: the caller hung up before the answer");
        }
    }

    public Task PlayAsync(string callId, MediaPlayback playback) => Record(callId, nameof(PlayAsync), playback);

    public Task StopPlaybackAsync(string callId) => Record(callId, nameof(StopPlaybackAsync));

    public Task CollectDigitsAsync(string callId, DigitCollection collection) => Record(callId, nameof(CollectDigitsAsync), collection);

    public Task RecordVoicemailAsync(string callId, VoicemailRecording recording) => Record(callId, nameof(RecordVoicemailAsync), recording);

    public Task RingAgentAsync(string callId, AgentLegRequest request) => Record(callId, nameof(RingAgentAsync), request);

    public Task AnswerAgentAsync(string callId, string agentId) => Record(callId, nameof(AnswerAgentAsync), agentId);

    public Task DropLegAsync(string callId, string agentId) => Record(callId, nameof(DropLegAsync), agentId);

    public Task ConsultAsync(string callId, string agentId) => Record(callId, nameof(ConsultAsync), agentId);

    public Task BridgeAsync(string callId, string agentId) => Record(callId, nameof(BridgeAsync), agentId);

    public Task HoldAsync(string callId, bool held) => Record(callId, nameof(HoldAsync), held);

    public Task RecordAsync(string callId, RecordingCommand command) => Record(callId, nameof(RecordAsync), command);

    public Task DialAsync(string callId, ExternalLegRequest request) => Record(callId, nameof(DialAsync), request);

    public Task TransferAsync(string callId, string target) => Record(callId, nameof(TransferAsync), target);

    public Task ConferenceAsync(string callId, string agentId) => Record(callId, nameof(ConferenceAsync), agentId);

    public Task ListenInAsync(string callId, ListenInRequest request) => Record(callId, nameof(ListenInAsync), request);

    public Task HangUpAsync(string callId, CallEndReason reason) => Record(callId, nameof(HangUpAsync), reason);

    /// <summary>Recorded under the agent's id (in place of a call id), with the line id as the argument.</summary>
    public Task OpenLineAsync(string agentId, string lineId) => Record(agentId, nameof(OpenLineAsync), lineId);

    /// <summary>Recorded under the agent's id (in place of a call id), with the line id as the argument.</summary>
    public Task CloseLineAsync(string agentId, string lineId) => Record(agentId, nameof(CloseLineAsync), lineId);

    private Task Record(string callId, string name, object? argument = null)
    {
        var command = new MediaCommand(callId, name, argument);
        _commands.Enqueue(command);
        _undrained.Enqueue(command);
        return Task.CompletedTask;
    }
}
