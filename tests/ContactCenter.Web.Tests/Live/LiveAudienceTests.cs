using ContactCenter.Contracts.LiveViews;
using ContactCenter.TestSupport;
using ContactCenter.Web.Live;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContactCenter.Web.Tests.Live;

/// <summary>The fan-out of live updates to connections: topics, order, and a slow client that delays nobody.</summary>
public sealed class LiveAudienceTests
{
    private sealed class TestHub : Hub;

    private sealed class TestHubContext(IHubClients clients) : IHubContext<TestHub>
    {
        public IHubClients Clients { get; } = clients;

        public IGroupManager Groups => throw new NotSupportedException();
    }

    private static (LiveAudience Audience, RecordingHubClients Clients) Build()
    {
        var clients = new RecordingHubClients();
        var services = new ServiceCollection().AddSingleton<IHubContext<TestHub>>(new TestHubContext(clients)).BuildServiceProvider();
        return (new LiveAudience(services, NullLogger<LiveAudience>.Instance), clients);
    }

    private static LiveUpdate Update(string topic, long sequence) => new(topic, "k", Guid.Empty, sequence, sequence);

    private static long[] SequencesSentTo(RecordingHubClients clients, string connectionId) =>
        clients.Sent.TryGetValue(connectionId, out var sent) ? [.. sent.ToArray().Cast<LiveUpdate>().Select(u => u.Sequence)] : [];

    [Fact]
    public async Task Each_connection_gets_its_topics_in_order_and_nothing_after_it_left()
    {
        var (audience, clients) = Build();
        audience.Join<TestHub>("wallboard", new HashSet<string> { LiveTopics.Site });
        audience.Join<TestHub>("supervisor", new HashSet<string> { LiveTopics.Site, LiveTopics.Agent });

        for (var i = 1; i <= 20; i++)
        {
            audience.Publish(Update(i % 2 == 0 ? LiveTopics.Site : LiveTopics.Agent, i));
        }

        await Eventually.TrueAsync(() => SequencesSentTo(clients, "supervisor").Length == 20, TimeSpan.FromSeconds(10), "the supervisor's 20 updates");
        await Eventually.TrueAsync(() => SequencesSentTo(clients, "wallboard").Length == 10, TimeSpan.FromSeconds(10), "the wallboard's 10 site updates");
        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), SequencesSentTo(clients, "supervisor"));
        Assert.Equal(Enumerable.Range(1, 10).Select(i => 2L * i), SequencesSentTo(clients, "wallboard"));

        audience.Leave("wallboard");
        audience.Publish(Update(LiveTopics.Site, 22));
        await Eventually.TrueAsync(() => SequencesSentTo(clients, "supervisor").Length == 21, TimeSpan.FromSeconds(10), "the supervisor's update after the wallboard left");
        Assert.Equal(10, SequencesSentTo(clients, "wallboard").Length);
    }

    [Fact]
    public async Task A_client_that_stops_reading_delays_nobody_and_later_sees_a_gap_to_resynchronise_on()
    {
        var (audience, clients) = Build();
        clients.Stalled.Add("slow");
        audience.Join<TestHub>("slow", new HashSet<string> { LiveTopics.Site });
        audience.Join<TestHub>("fast", new HashSet<string> { LiveTopics.Site });
        var updates = LiveAudience.OutboxCapacity * 2;

        // Every update reaches the fast client, one after the other, while the slow one has not finished receiving
        // even the first.
        for (var i = 1; i <= updates; i++)
        {
            audience.Publish(Update(LiveTopics.Site, i));
            var sent = i;
            await Eventually.TrueAsync(() => SequencesSentTo(clients, "fast").Length == sent, TimeSpan.FromSeconds(10), $"update {sent} at the fast client");
        }
        Assert.Empty(SequencesSentTo(clients, "slow"));

        clients.Release();
        await Eventually.TrueAsync(() => SequencesSentTo(clients, "slow").LastOrDefault() == updates, TimeSpan.FromSeconds(10), "the slow client catching up");
        var slow = SequencesSentTo(clients, "slow");
        Assert.True(slow.Length <= LiveAudience.OutboxCapacity + 1, $"the slow client was sent {slow.Length} updates; its outbox holds {LiveAudience.OutboxCapacity}");
        Assert.Contains(slow.Zip(slow.Skip(1)), pair => pair.Second != pair.First + 1);
    }

    [Fact]
    public async Task The_alert_board_numbers_its_alerts_in_one_sequence_and_keeps_the_newest_for_the_snapshot()
    {
        var (audience, clients) = Build();
        var board = new AlertBoard(audience);
        audience.Join<TestHub>("supervisor", new HashSet<string> { LiveTopics.Alert });
        var alerts = Enumerable.Range(1, AlertBoard.Capacity + 5)
            .Select(i => new SupervisorAlert(SupervisorAlertKind.LongInteraction, "anna", DateTimeOffset.UnixEpoch.AddMinutes(i), $"alert {i}"))
            .ToArray();

        foreach (var alert in alerts)
        {
            board.Post(alert);
        }

        await Eventually.TrueAsync(() => SequencesSentTo(clients, "supervisor").Length == alerts.Length, TimeSpan.FromSeconds(10), "every alert sent");
        Assert.Equal(Enumerable.Range(1, alerts.Length).Select(i => (long)i), SequencesSentTo(clients, "supervisor"));
        Assert.Equal(alerts.Reverse().Take(AlertBoard.Capacity), board.Recent());
    }
}
