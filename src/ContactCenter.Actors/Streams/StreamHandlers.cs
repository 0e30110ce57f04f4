using System.Collections.Concurrent;

namespace ContactCenter.Actors.Streams;

/// <summary>Subscription handlers of one consumer (a process or a grain activation), keyed by subscription id.</summary>
internal sealed class StreamHandlers : IStreamConsumer
{
    private readonly ConcurrentDictionary<Guid, Func<object, StreamSequenceToken, Task>> _handlers = new();

    public void Set(Guid subscriptionId, Func<object, StreamSequenceToken, Task> handler) => _handlers[subscriptionId] = handler;

    public void Remove(Guid subscriptionId) => _handlers.TryRemove(subscriptionId, out _);

    /// <summary>Items for subscriptions without a handler here (a grain reactivated without subscribing again) are
    /// dropped: the subscription's owner decides whether it still listens.</summary>
    public Task Deliver(StreamId streamId, Guid subscriptionId, StreamSequenceToken token, object item) =>
        _handlers.TryGetValue(subscriptionId, out var handler) ? handler(item, token) : Task.CompletedTask;
}
