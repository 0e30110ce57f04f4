namespace ContactCenter.Actors.Streams;

/// <summary>A stored subscription: the consumer reference in its wire form.</summary>
internal sealed record StreamSubscriber(Guid SubscriptionId, string Consumer);
