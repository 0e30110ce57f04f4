using ContactCenter.Actors;
using ContactCenter.Contracts.LiveViews;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Grains.Queues;

internal sealed partial class QueueGrain
{
    // Transient: the queue's live-view stream.
    private IAsyncStream<QueueLiveStatus>? _liveStream;

    /// <summary>Publishes the queue's figures after an accepted change on <see cref="LiveStreams.Queue"/>. Best effort:
    /// a live view that misses an item resynchronises, so a failure is logged and the command stands.</summary>
    private async Task PublishLiveAsync()
    {
        try
        {
            _liveStream ??= Streams.GetStream<QueueLiveStatus>(LiveStreams.Queue(QueueId));
            await _liveStream.OnNextAsync(Current.ToLiveStatus(QueueId, ConfirmedVersion));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogLivePublishFailed(QueueId, exception.Message);
        }
    }

    [LoggerMessage(4209, LogLevel.Debug, "Queue {QueueId}: the live view update was not published: {Error}")]
    private partial void LogLivePublishFailed(string queueId, string error);
}
