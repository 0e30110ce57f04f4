namespace ContactCenter.Actors;

/// <summary>A subscription; dispose of it with <see cref="UnsubscribeAsync"/>.</summary>
public sealed class StreamSubscriptionHandle
{
    private readonly Func<Task> _unsubscribe;

    internal StreamSubscriptionHandle(StreamId streamId, Guid subscriptionId, Func<Task> unsubscribe)
    {
        StreamId = streamId;
        SubscriptionId = subscriptionId;
        _unsubscribe = unsubscribe;
    }

    public StreamId StreamId { get; }

    public Guid SubscriptionId { get; }

    public Task UnsubscribeAsync() => _unsubscribe();
}
