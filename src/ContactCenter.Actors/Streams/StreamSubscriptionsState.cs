namespace ContactCenter.Actors.Streams;

/// <summary>The persisted state of a stream's rendezvous: its subscriptions.</summary>
internal sealed class StreamSubscriptionsState
{
    public List<StreamSubscriber> Subscribers { get; set; } = [];
}
