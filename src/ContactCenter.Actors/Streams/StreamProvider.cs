using System.Security.Cryptography;
using System.Text;
using ContactCenter.Actors.Activation;
using ContactCenter.Actors.Hosting;

namespace ContactCenter.Actors.Streams;

/// <summary>Streams seen from a process (subscriptions belong to the process, delivered to an observer it hosts) or from
/// a grain activation (subscriptions belong to the grain, delivered as turns of whichever activation it has then).</summary>
internal sealed class StreamProvider : IStreamProvider
{
    private readonly ActorRuntime _runtime;
    private readonly ActivationData? _activation;
    private readonly Lazy<IStreamConsumer> _processConsumer;

    private StreamProvider(ActorRuntime runtime, ActivationData? activation)
    {
        _runtime = runtime;
        _activation = activation;
        _processConsumer = new Lazy<IStreamConsumer>(() => runtime.GrainFactory.CreateObjectReference<IStreamConsumer>(runtime.ProcessStreamHandlers));
    }

    public static StreamProvider ForProcess(ActorRuntime runtime) => new(runtime, null);

    public static StreamProvider ForGrain(ActivationData activation) => new(activation.Runtime, activation);

    public IAsyncStream<T> GetStream<T>(StreamId id) => new Stream<T>(this, id);

    private IStreamRendezvousGrain Rendezvous(StreamId id) =>
        _runtime.GrainFactory.GetGrain<IStreamRendezvousGrain>(id.ToString());

    private async Task<StreamSubscriptionHandle> SubscribeAsync(StreamId id, Func<object, StreamSequenceToken, Task> handler)
    {
        Guid subscriptionId;
        StreamHandlers handlers;
        IStreamConsumer consumer;
        if (_activation is { } activation)
        {
            subscriptionId = DeterministicId($"{activation.Id}|{id}");
            handlers = activation.StreamHandlers;
            consumer = _runtime.GetReference<IStreamConsumer>(activation.Id);
        }
        else
        {
            subscriptionId = Guid.NewGuid();
            handlers = _runtime.ProcessStreamHandlers;
            consumer = _processConsumer.Value;
        }
        handlers.Set(subscriptionId, handler);
        await Rendezvous(id).Subscribe(subscriptionId, consumer).ConfigureAwait(false);
        return new StreamSubscriptionHandle(id, subscriptionId, async () =>
        {
            handlers.Remove(subscriptionId);
            await Rendezvous(id).Unsubscribe(subscriptionId).ConfigureAwait(false);
        });
    }

    /// <summary>A grain's subscription to a stream keeps its id across activations, so subscribing again is idempotent.</summary>
    private static Guid DeterministicId(string text) => new(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 16));

    private sealed class Stream<T>(StreamProvider provider, StreamId id) : IAsyncStream<T>
    {
        private IStreamRendezvousGrain? _rendezvous;

        public StreamId Id => id;

        public Task<StreamSequenceToken> OnNextAsync(T item) => (_rendezvous ??= provider.Rendezvous(id)).Publish(item!);

        public Task<StreamSubscriptionHandle> SubscribeAsync(Func<T, StreamSequenceToken, Task> onNext) =>
            provider.SubscribeAsync(id, (item, token) => onNext((T)item, token));
    }
}
