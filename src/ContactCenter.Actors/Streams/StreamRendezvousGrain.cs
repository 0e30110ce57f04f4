using ContactCenter.Actors.Diagnostics;

namespace ContactCenter.Actors.Streams;

internal sealed class StreamRendezvousGrain(
    [PersistentState("stream-subscriptions")] IPersistentState<StreamSubscriptionsState> subscriptions) : Grain, IStreamRendezvousGrain
{
    // Transient: a new activation starts a new epoch, which tells subscribers they may have missed items.
    private readonly Guid _epoch = Guid.NewGuid();
    private long _sequence;
    private List<(Guid Id, IStreamConsumer Consumer)> _consumers = [];

    private StreamId Stream
    {
        get
        {
            var key = GetPrimaryKeyString();
            var slash = key.IndexOf('/', StringComparison.Ordinal);
            return new StreamId(key[..slash], key[(slash + 1)..]);
        }
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var runtime = Activation.Runtime;
        _consumers = subscriptions.State.Subscribers
            .Select(s => (s.SubscriptionId, (IStreamConsumer)runtime.ParseReference(s.Consumer)))
            .ToList();
        return Task.CompletedTask;
    }

    public async Task Subscribe(Guid subscriptionId, IStreamConsumer consumer)
    {
        var wire = Activation.Runtime.FormatReference(consumer);
        var list = subscriptions.State.Subscribers;
        if (list.Any(s => s.SubscriptionId == subscriptionId && s.Consumer == wire))
        {
            return;
        }
        list.RemoveAll(s => s.SubscriptionId == subscriptionId);
        list.Add(new StreamSubscriber(subscriptionId, wire));
        await subscriptions.WriteStateAsync();
        _consumers.RemoveAll(c => c.Id == subscriptionId);
        _consumers.Add((subscriptionId, consumer));
    }

    public async Task Unsubscribe(Guid subscriptionId)
    {
        if (subscriptions.State.Subscribers.RemoveAll(s => s.SubscriptionId == subscriptionId) == 0)
        {
            return;
        }
        await subscriptions.WriteStateAsync();
        _consumers.RemoveAll(c => c.Id == subscriptionId);
    }

    public Task<StreamSequenceToken> Publish(object item)
    {
        var token = new StreamSequenceToken(_epoch, ++_sequence);
        var stream = Stream;
        foreach (var (id, consumer) in _consumers)
        {
            consumer.Deliver(stream, id, token, item).ContinueWith(
                static (t, s) =>
                {
                    var (self, id, consumer) = ((StreamRendezvousGrain, Guid, IStreamConsumer))s!;
                    self.OnDeliveryFailed(id, consumer, t.Exception!.GetBaseException());
                },
                (this, id, consumer),
                CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted,
                TaskScheduler.Default);
        }
        return Task.FromResult(token);
    }

    private void OnDeliveryFailed(Guid id, IStreamConsumer consumer, Exception exception)
    {
        Activation.Runtime.Log.StreamDeliveryFailed(Activation.Runtime.FormatReference(consumer), exception);
        // A consumer whose process is gone will never come back (a restarted process is a new generation): forget it.
        if (exception is ObserverUnavailableException)
        {
            _ = GrainFactory.GetGrain<IStreamRendezvousGrain>(GetPrimaryKeyString()).Unsubscribe(id);
        }
    }
}
