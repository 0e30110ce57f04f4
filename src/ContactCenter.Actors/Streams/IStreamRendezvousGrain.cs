namespace ContactCenter.Actors.Streams;

/// <summary>The system grain of one stream (key <c>namespace/key</c>): holds its subscriptions and numbers its items.</summary>
public interface IStreamRendezvousGrain : IGrainWithStringKey
{
    Task Subscribe(Guid subscriptionId, IStreamConsumer consumer);

    Task Unsubscribe(Guid subscriptionId);

    Task<StreamSequenceToken> Publish(object item);
}
