namespace ContactCenter.Actors.Streams;

/// <summary>How the rendezvous hands an item to a subscriber: a grain (through its activation's stream handlers) or an
/// observer object in a process.</summary>
public interface IStreamConsumer : IGrainWithStringKey, IGrainObserver
{
    Task Deliver(StreamId streamId, Guid subscriptionId, StreamSequenceToken token, object item);
}
