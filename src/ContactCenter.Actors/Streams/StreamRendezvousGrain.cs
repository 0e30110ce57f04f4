using ContactCenter.Actors.Diagnostics;

namespace ContactCenter.Actors.Streams;

internal sealed class StreamRendezvousGrain(
    [PersistentState("stream-subscriptions")] IPersistentState<StreamSubscriptionsState> subscriptions) : Grain, IStreamRendezvousGrain
{
    // Transient: a new activation starts a new epoch, which tells subscribers they may have missed items.
    private readonly Guid _epoch = Guid.NewGuid();
    private long _sequence;
    private List<Consumer> _consumers = [];

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
            .Select(s => new Consumer(s.SubscriptionId, (IStreamConsumer)runtime.ParseReference(s.Consumer)))
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
        _consumers.Add(new Consumer(subscriptionId, consumer));
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
        foreach (var consumer in _consumers)
        {
            consumer.Deliver(this, stream, token, item);
        }
        return Task.FromResult(token);
    }

    /// <summary>One subscriber and the order of deliveries to it. A call to a grain or process this activation has not
    /// reached yet resolves asynchronously, so two such calls could overtake each other; until the first delivery
    /// succeeded, deliveries are chained one after another. Afterwards the route is warm: each call is handed to the
    /// connection (or the local activation) synchronously, in publish order, without waiting for the previous answer.</summary>
    private sealed class Consumer(Guid id, IStreamConsumer reference)
    {
        private Task _chain = Task.CompletedTask;
        private volatile bool _warm;

        public Guid Id => id;

        public IStreamConsumer Reference => reference;

        public void Deliver(StreamRendezvousGrain owner, StreamId stream, StreamSequenceToken token, object item)
        {
            if (_warm && _chain.IsCompleted)
            {
                _ = Send(owner, stream, token, item);
                return;
            }
            _chain = _chain.ContinueWith(_ => Send(owner, stream, token, item), TaskScheduler.Default).Unwrap();
        }

        private async Task Send(StreamRendezvousGrain owner, StreamId stream, StreamSequenceToken token, object item)
        {
            try
            {
                await reference.Deliver(stream, id, token, item).ConfigureAwait(false);
                _warm = true;
            }
            catch (Exception exception)
            {
                _warm = false;
                owner.OnDeliveryFailed(id, reference, exception);
            }
        }
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
