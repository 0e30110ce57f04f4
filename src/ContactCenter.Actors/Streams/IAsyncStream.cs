namespace ContactCenter.Actors;

/// <summary>One stream. Items are delivered to every subscriber in publish order, fire-and-forget: a subscriber that
/// was unreachable misses items and notices by the sequence token.</summary>
public interface IAsyncStream<T>
{
    StreamId Id { get; }

    /// <summary>Publishes an item; returns once the stream has numbered it and sent it on.</summary>
    Task<StreamSequenceToken> OnNextAsync(T item);

    /// <summary>Subscribes <paramref name="onNext"/>. From a grain the subscription belongs to the grain (it survives
    /// deactivation; subscribe again in OnActivateAsync to attach a handler — doing so is idempotent); from non-grain
    /// code it belongs to this process and ends with it.</summary>
    Task<StreamSubscriptionHandle> SubscribeAsync(Func<T, StreamSequenceToken, Task> onNext);
}
