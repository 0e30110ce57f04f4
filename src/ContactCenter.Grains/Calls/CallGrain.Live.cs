using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.LiveViews;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Grains.Calls;

internal sealed partial class CallGrain
{
    /// <summary>After an accepted change from <paramref name="before"/>: the call's status goes to the call stream of
    /// every agent on it before or after (the call's agent and a consulted one), so a workspace sees its offers and calls
    /// change, and sees a call leave it (transferred away). Best effort, like every live view: a workspace that misses
    /// an item reads the call afresh.</summary>
    private async Task PublishLiveAsync(CallState before)
    {
        var agents = new[] { before.AgentId, before.Consult?.AgentId, Current.AgentId, Current.Consult?.AgentId }
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (agents.Count == 0)
        {
            return;
        }
        var status = Current.ToStatus(CallId, ConfirmedVersion);
        foreach (var agentId in agents)
        {
            try
            {
                await Streams.GetStream<CallStatus>(LiveStreams.AgentCalls(agentId)).OnNextAsync(status);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogLivePublishFailed(CallId, agentId, exception.Message);
            }
        }
    }

    [LoggerMessage(4410, LogLevel.Debug, "Call {CallId}: the live update for agent {AgentId} was not published: {Error}")]
    private partial void LogLivePublishFailed(string callId, string agentId, string error);
}
