using System.Collections.Concurrent;
using ContactCenter.Actors.Tests.Grains;
using ContactCenter.TestSupport;

namespace ContactCenter.Actors.Tests.Cluster;

public abstract partial class ClusterContractTests
{
    [Fact]
    public async Task Stream_items_reach_grain_and_client_subscribers_in_order_with_rising_sequence_numbers()
    {
        var stream = new StreamId("chat", NewKey("room"));
        var listeners = Enumerable.Range(0, 4).Select(i => Cluster.Client.GetGrain<IStreamListenerGrain>(NewKey($"listener{i}"))).ToArray();
        foreach (var listener in listeners)
        {
            await listener.Listen(stream.Namespace, stream.Key);
        }
        var atClient = new ConcurrentQueue<(long Sequence, string Text)>();
        await Cluster.Client.Streams.GetStream<ChatLine>(stream).SubscribeAsync((line, token) =>
        {
            atClient.Enqueue((token.Sequence, line.Text));
            return Task.CompletedTask;
        });

        var publisher = Cluster.Silos[^1].Streams.GetStream<ChatLine>(stream);
        for (var i = 1; i <= 5; i++)
        {
            await publisher.OnNextAsync(new ChatLine($"m{i}"));
        }

        var expected = Enumerable.Range(1, 5).Select(i => $"{i}:m{i}").ToList();
        foreach (var listener in listeners)
        {
            await Eventually.TrueAsync(async () => (await listener.Received()).Count == 5, TimeSpan.FromSeconds(10), "items at a grain subscriber");
            Assert.Equal(expected, await listener.Received());
        }
        await Eventually.TrueAsync(() => atClient.Count == 5, TimeSpan.FromSeconds(10), "items at the client subscriber");
        Assert.Equal(expected, atClient.Select(x => $"{x.Sequence}:{x.Text}"));
    }

    [Fact]
    public async Task A_grain_subscription_survives_deactivation_and_subscribing_again_is_idempotent()
    {
        var stream = new StreamId("chat", NewKey("room"));
        var listener = Cluster.Client.GetGrain<IStreamListenerGrain>(NewKey("listener"));
        await listener.Listen(stream.Namespace, stream.Key);
        await listener.Listen(stream.Namespace, stream.Key);
        var token = await Cluster.Client.Streams.GetStream<ChatLine>(stream).OnNextAsync(new ChatLine("once"));
        Assert.Equal(1, token.Sequence);
        await Eventually.TrueAsync(async () => (await listener.Received()).Count == 1, TimeSpan.FromSeconds(10), "one delivery");
        Assert.Equal(["1:once"], await listener.Received());
    }

    [Fact]
    public async Task Observers_are_called_across_processes_and_fail_fast_once_their_process_is_killed()
    {
        var hub = Cluster.Client.GetGrain<IObserverHubGrain>(NewKey("hub"));
        var client = await Cluster.StartClientAsync();
        var notifier = new RecordingNotifier();
        await hub.Attach(client.CreateObjectReference<INotifier>(notifier));
        Assert.Equal("ok", await hub.Send("hello"));
        Assert.Equal(["hello"], notifier.Messages);

        TestCluster.Kill(client);
        // Well under the 10 s call timeout: the connection to the dead process is gone.
        Assert.Equal(nameof(ObserverUnavailableException), await hub.Send("anyone?"));
    }

    [Fact]
    public async Task A_grain_watching_an_observer_learns_once_that_its_process_died_and_a_stopped_watch_stays_quiet()
    {
        var hub = Cluster.Client.GetGrain<IObserverHubGrain>(NewKey("hub"));
        var quiet = Cluster.Client.GetGrain<IObserverHubGrain>(NewKey("quiet"));
        var client = await Cluster.StartClientAsync();
        var notifier = client.CreateObjectReference<INotifier>(new RecordingNotifier());
        await hub.Attach(notifier);
        await hub.Watch();
        await quiet.Attach(notifier);
        await quiet.Watch();
        await quiet.Unwatch();
        Assert.Equal(0, await hub.Gone());

        TestCluster.Kill(client);

        await Eventually.TrueAsync(async () => await hub.Gone() == 1, TimeSpan.FromSeconds(20), "the watch to fire once the client is declared dead");
        // A watch of a process already dead fires at once; the stopped one never did.
        await quiet.Watch();
        await Eventually.TrueAsync(async () => await quiet.Gone() == 1, TimeSpan.FromSeconds(10), "a watch of a dead process to fire at once");
        Assert.Equal(1, await hub.Gone());
    }
}
