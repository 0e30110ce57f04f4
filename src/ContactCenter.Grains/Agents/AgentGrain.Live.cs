using ContactCenter.Actors;
using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Agents.Events;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.LiveViews;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Grains.Agents;

internal sealed partial class AgentGrain
{
    // Transient: the agent's live-view stream.
    private IAsyncStream<AgentStatus>? _liveStream;

    /// <summary>Publishes the status after an accepted change on <see cref="LiveStreams.Agent"/>. Best effort: a live
    /// view that misses an item resynchronises, so a failure is logged and the command stands.</summary>
    private async Task PublishLiveAsync()
    {
        try
        {
            _liveStream ??= Streams.GetStream<AgentStatus>(LiveStreams.Agent(AgentId));
            await _liveStream.OnNextAsync(Current.ToStatus(AgentId, ConfirmedVersion));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogLivePublishFailed(AgentId, exception.Message);
        }
    }

    /// <summary>Alerts supervisors that the no-answer policy fired, when the policy asks for it. Best effort, like the
    /// live views: the fact itself is the journal's <see cref="NoAnswerPolicyTriggered"/>.</summary>
    private async Task PublishAlertAsync(NoAnswerPolicyTriggered triggered)
    {
        if (!triggered.AlertSupervisors)
        {
            return;
        }
        var consequence = triggered.Action == NoAnswerAction.Pause ? $"paused ({triggered.PauseCodeId})" : "logged out";
        var alert = new SupervisorAlert(SupervisorAlertKind.NoAnswerPolicy, AgentId, triggered.At,
            $"{AgentId} missed {triggered.Misses} offers within {triggered.Window} and was {consequence}");
        try
        {
            await Streams.GetStream<SupervisorAlert>(LiveStreams.Alerts).OnNextAsync(alert);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogLivePublishFailed(AgentId, exception.Message);
        }
    }

    [LoggerMessage(4105, LogLevel.Debug, "Agent {AgentId}: the live view update was not published: {Error}")]
    private partial void LogLivePublishFailed(string agentId, string error);
}
