using System.Collections.Concurrent;
using ContactCenter.Actors;
using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.LiveViews;
using ContactCenter.Storage.Documents;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Web.Live;

/// <summary>This web node's one subscription per live stream — every agent's status and calls and every queue's (as
/// configured in the document store, followed as documents are added), the site aggregate and the alerts — forwarded to the
/// <see cref="LiveAudience"/> (alerts through the <see cref="AlertBoard"/>; agents' statuses also to the
/// <see cref="LongInteractionWatch"/>). However many browsers are connected, the cluster sends each change to this node once.</summary>
public sealed partial class LiveFeed(IStreamProvider streams, IDocumentStore documents, LiveAudience audience, AlertBoard alerts,
    LongInteractionWatch conversations, ILogger<LiveFeed> logger) : IHostedService
{
    private readonly ConcurrentDictionary<StreamId, StreamSubscriptionHandle> _subscriptions = new();
    private readonly CancellationTokenSource _stopping = new();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        documents.Changed += OnDocumentChanged;
        await FollowAsync<SiteLiveStatus>(LiveTopics.Site, LiveStreams.Site(SiteSettings.SiteId));
        await FollowAsync<SupervisorAlert>(LiveStreams.Alerts, (alert, _) => alerts.Post(alert));
        await ForEachIdAsync<AgentProfile>(p => p.Id, FollowAgentAsync, cancellationToken);
        await ForEachIdAsync<Queue>(q => q.Id, id => FollowAsync<QueueLiveStatus>(LiveTopics.Queue, LiveStreams.Queue(id)), cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        documents.Changed -= OnDocumentChanged;
        await _stopping.CancelAsync();
        foreach (var subscription in _subscriptions.Values)
        {
            try
            {
                await subscription.UnsubscribeAsync();
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogUnsubscribeFailed(subscription.StreamId.ToString(), exception.Message);
            }
        }
        _subscriptions.Clear();
    }

    private void OnDocumentChanged(object? sender, DocumentChange change)
    {
        if (change.Type != DocumentChangeType.Created || _stopping.IsCancellationRequested)
        {
            return;
        }
        _ = change.Kind switch
        {
            DocumentKind.AgentProfile => FollowAgentAsync(change.Id),
            DocumentKind.Queue => FollowAsync<QueueLiveStatus>(LiveTopics.Queue, LiveStreams.Queue(change.Id)),
            _ => Task.CompletedTask,
        };
    }

    /// <summary>An agent's status and the calls it is on.</summary>
    private async Task FollowAgentAsync(string agentId)
    {
        var stream = LiveStreams.Agent(agentId);
        await FollowAsync<AgentStatus>(stream, (status, token) =>
        {
            conversations.Observe(status);
            audience.Publish(new LiveUpdate(LiveTopics.Agent, stream.Key, token.Epoch, token.Sequence, status));
        });
        await FollowAsync<CallStatus>(LiveTopics.Call, LiveStreams.AgentCalls(agentId));
    }

    private async Task ForEachIdAsync<T>(Func<T, string> id, Func<string, Task> follow, CancellationToken cancellationToken) where T : class
    {
        await foreach (var document in documents.ReadAllAsync<T>(cancellationToken))
        {
            await follow(id(document));
        }
    }

    /// <summary>Subscribes once per stream; a failure is logged and leaves the stream unfollowed until the next start
    /// (clients still read snapshots).</summary>
    private Task FollowAsync<T>(string topic, StreamId stream) where T : notnull =>
        FollowAsync<T>(stream, (item, token) => audience.Publish(new LiveUpdate(topic, stream.Key, token.Epoch, token.Sequence, item)));

    private async Task FollowAsync<T>(StreamId stream, Action<T, StreamSequenceToken> deliver) where T : notnull
    {
        if (_subscriptions.ContainsKey(stream))
        {
            return;
        }
        try
        {
            var handle = await streams.GetStream<T>(stream).SubscribeAsync((item, token) =>
            {
                deliver(item, token);
                return Task.CompletedTask;
            });
            if (!_subscriptions.TryAdd(stream, handle))
            {
                await handle.UnsubscribeAsync();
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogSubscribeFailed(stream.ToString(), exception.Message);
        }
    }

    [LoggerMessage(5110, LogLevel.Warning, "The web node could not follow live stream {Stream}: {Error}")]
    private partial void LogSubscribeFailed(string stream, string error);

    [LoggerMessage(5111, LogLevel.Debug, "Unsubscribing from live stream {Stream} failed: {Error}")]
    private partial void LogUnsubscribeFailed(string stream, string error);
}
