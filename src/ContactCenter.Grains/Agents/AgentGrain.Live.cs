using ContactCenter.Actors;
using ContactCenter.Contracts.Agents;
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

    [LoggerMessage(4105, LogLevel.Debug, "Agent {AgentId}: the live view update was not published: {Error}")]
    private partial void LogLivePublishFailed(string agentId, string error);
}
