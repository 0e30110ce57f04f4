using System.Text.Json;
using ContactCenter.Actors;
using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Agents.Events;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.Routing;
using ContactCenter.TestSupport;
using static ContactCenter.Grains.Tests.Agents.AgentBuild;

namespace ContactCenter.Grains.Tests.Agents;

/// <summary>The agent grain on an in-process cluster with fake time: timers, arbitration under concurrency, the
/// journal across deactivation.</summary>
public sealed class AgentGrainTests(AgentClusterFixture fixture) : IClassFixture<AgentClusterFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private FakeTimeProvider Time => fixture.Time;

    [Fact]
    public async Task A_call_runs_through_ring_answer_and_wrap_up_and_the_wrap_up_timer_frees_the_agent()
    {
        var agent = fixture.NewAgent(out var id);
        Assert.True((await agent.LogInAsync()).Changed);

        var reservation = await agent.TryReserveAsync(Voice("c1", wrapUpSeconds: 30));
        Assert.True(reservation.Granted, reservation.Message);
        Assert.True((await agent.RingAsync("c1")).Succeeded);
        Assert.True((await agent.AnswerAsync("c1")).Succeeded);
        Time.Advance(TimeSpan.FromSeconds(60));
        Assert.True((await agent.EndWorkAsync("c1")).Succeeded);
        Assert.Equal(DisplayedState.WrapUp, (await agent.GetStatusAsync()).Displayed.State);
        Assert.False(Eligibility(await agent.GetSnapshotAsync()));

        Time.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(DisplayedState.WrapUp, (await agent.GetStatusAsync()).Displayed.State);
        Time.Advance(TimeSpan.FromSeconds(1));
        await Eventually.TrueAsync(async () => (await agent.GetStatusAsync()).Displayed.State == DisplayedState.Available,
            Wait, $"agent {id} available when the 30 s wrap-up of c1 expired");

        var status = await agent.GetStatusAsync();
        Assert.Empty(status.Work);
        Assert.Equal((1, 1, 1), (status.Counters.Offered, status.Counters.Answered, status.Counters.HandledCalls));
        Assert.Equal(TimeSpan.FromSeconds(60), status.Counters.TalkTime);
        Assert.Equal(TimeSpan.FromSeconds(30), status.Counters.WrapUpTime);
        Assert.True(Eligibility(await agent.GetSnapshotAsync()));
    }

    [Fact]
    public async Task Concurrent_reservations_grant_exactly_the_capacity_of_each_medium()
    {
        var agent = fixture.NewAgent(out _);
        await agent.LogInAsync();

        var chats = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => agent.TryReserveAsync(Chat($"chat{i}"))));
        var calls = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => agent.TryReserveAsync(Voice($"call{i}"))));

        Assert.Equal(3, chats.Count(r => r.Granted));
        Assert.Equal(1, calls.Count(r => r.Granted));
        Assert.All(chats.Concat(calls).Where(r => !r.Granted), r => Assert.Equal(ExclusionReason.AtCapacity, r.Refusal));
        var snapshot = await agent.GetSnapshotAsync();
        Assert.Equal([new MediumSlot(Contracts.Medium.Voice, 1, 1, true), new MediumSlot(Contracts.Medium.Chat, 3, 3, true)], snapshot.Slots);
        Assert.Equal(4, (await agent.GetStatusAsync()).Counters.Reserved);
    }

    [Fact]
    public async Task The_grain_releases_a_reservation_that_never_rings_and_counts_an_offer_that_rings_out()
    {
        var agent = fixture.NewAgent(out var id);
        await agent.LogInAsync();
        Assert.True((await agent.TryReserveAsync(Voice("c1"))).Granted);
        Time.Advance(ReservationRequest.DefaultReserveTimeout);
        await Eventually.TrueAsync(async () => (await agent.GetStatusAsync()).Work.IsEmpty, Wait, $"agent {id}: reservation of c1 timed out");

        Assert.True((await agent.TryReserveAsync(Voice("c2"))).Granted);
        await agent.RingAsync("c2");
        Time.Advance(TimeSpan.FromSeconds(20));
        await Eventually.TrueAsync(async () => (await agent.GetStatusAsync()).Work.IsEmpty, Wait, $"agent {id}: c2 rang out");

        var counters = (await agent.GetStatusAsync()).Counters;
        Assert.Equal((1, 1), (counters.ReservationTimeouts, counters.Missed));
    }

    [Fact]
    public async Task Refused_commands_say_why_and_change_nothing()
    {
        var unknown = fixture.Cluster.Client.GetGrain<IAgentGrain>($"ghost-{Guid.NewGuid():N}");
        Assert.Equal(AgentCommandError.ProfileNotFound, (await unknown.LogInAsync()).Error);
        var agent = fixture.NewAgent(out _);
        Assert.Equal(AgentCommandError.NotLoggedIn, (await agent.PauseAsync("lunch")).Error);
        await agent.LogInAsync();
        var before = await agent.GetStatusAsync();

        var results = new[]
        {
            await agent.PauseAsync("nap"),
            await agent.AnswerAsync("c1"),
            await agent.LogOutOfQueueAsync("vip", AgentActor.Agent),
            await agent.LogInToQueueAsync("billing", AgentActor.Supervisor),
        };
        var refused = await agent.TryReserveAsync(Voice("c1", queue: "billing"));

        Assert.Equal(
            [AgentCommandError.UnknownPauseCode, AgentCommandError.UnknownWork, AgentCommandError.SelfServiceForbidden, AgentCommandError.NotAMemberOfQueue],
            results.Select(r => r.Error!.Value));
        Assert.All(results, r => Assert.False(r.Succeeded));
        Assert.Equal(ExclusionReason.NotInQueue, refused.Refusal);
        Assert.Equal(before.Version, (await agent.GetStatusAsync()).Version);
    }

    [Fact]
    public async Task State_survives_deactivation_and_deadlines_passed_meanwhile_apply_on_activation()
    {
        var agent = fixture.NewAgent(out var id);
        var grainId = new GrainId(typeof(IAgentGrain).FullName!, id);
        var start = Time.GetUtcNow();
        await agent.LogInAsync();
        await agent.TryReserveAsync(Chat("chat1") with { WrapUpTime = TimeSpan.FromHours(1) });
        await agent.AnswerAsync("chat1");
        await agent.EndWorkAsync("chat1");
        await agent.PauseAsync("lunch");
        await agent.LogOutOfQueueAsync("sales", AgentActor.Agent);
        var before = Json(await agent.GetStatusAsync());
        var history = await agent.GetStatusHistoryAsync(start, start.AddDays(1));

        await CollectAsync(grainId);
        Assert.Equal(before, Json(await agent.GetStatusAsync()));
        Assert.Equal(history, await agent.GetStatusHistoryAsync(start, start.AddDays(1)));

        await CollectAsync(grainId);
        Time.Advance(TimeSpan.FromMinutes(30));
        var after = await agent.GetStatusAsync();

        Assert.Empty(after.Work);
        Assert.Equal(new DisplayedAgentState(DisplayedState.Paused, "lunch"), after.Displayed);
        Assert.Equal(TimeSpan.FromHours(1), after.Counters.WrapUpTime);
        Assert.Equal(start.AddHours(1), after.DisplayedSince);
        Assert.Equal([DisplayedState.Available, DisplayedState.Reserved, DisplayedState.Chatting, DisplayedState.WrapUp, DisplayedState.Paused],
            (await agent.GetStatusHistoryAsync(start, start.AddDays(1))).Select(i => i.State));
    }

    [Fact]
    public async Task A_changed_profile_takes_effect_on_refresh_without_a_new_log_in()
    {
        var agent = fixture.NewAgent(out var id);
        await agent.LogInAsync();
        fixture.Configuration.Put(Profile(id) with
        {
            Version = 2,
            Queues = [new Contracts.Configuration.QueueMembership("support", 4)],
            Capacities = [new Contracts.Configuration.MediumCapacity(Contracts.Medium.Chat, 1)],
        });

        Assert.True((await agent.RefreshProfileAsync()).Changed);
        Assert.False((await agent.RefreshProfileAsync()).Changed);

        var snapshot = await agent.GetSnapshotAsync();
        Assert.Equal([new AgentQueuePriority("support", 4)], snapshot.Queues);
        Assert.Equal([new MediumSlot(Contracts.Medium.Chat, 1, 0, true)], snapshot.Slots);
        Assert.Equal(ExclusionReason.NoCapacityForMedium, (await agent.TryReserveAsync(Voice("c1", queue: "support"))).Refusal);
    }

    [Fact]
    public async Task Repeated_ring_outs_pause_the_agent_by_its_no_answer_policy_and_journal_the_trigger()
    {
        var agent = fixture.NewAgent(out var id);
        fixture.Configuration.Put(new NoAnswerPolicy
        {
            Id = "na-two-in-five", Name = "Two in five minutes", MaxMisses = 2, Window = TimeSpan.FromMinutes(5),
            PauseCodeId = "missed",
        });
        fixture.Configuration.Put(Profile(id) with { NoAnswerPolicyId = "na-two-in-five" });
        await agent.LogInAsync();

        for (var i = 1; i <= 2; i++)
        {
            Assert.True((await agent.TryReserveAsync(Voice($"c{i}"))).Granted, $"agent {id}: c{i} reserved");
            Assert.True((await agent.RingAsync($"c{i}")).Succeeded);
            Time.Advance(Voice($"c{i}").RingTimeout);
            await Eventually.TrueAsync(async () => (await agent.GetStatusAsync()).Work.IsEmpty, Wait, $"agent {id}: c{i} rang out");
        }

        var status = await agent.GetStatusAsync();
        Assert.Equal((DisplayedState.Paused, "missed"), (status.Displayed.State, status.Displayed.PauseCodeId));
        Assert.Equal(2, status.Counters.Missed);
        var history = await agent.GetStatusHistoryAsync(DateTimeOffset.MinValue, DateTimeOffset.MaxValue);
        Assert.Equal((DisplayedState.Paused, "missed"), (history[^1].State, history[^1].Reason));
        var grainId = new GrainId(typeof(IAgentGrain).FullName!, id);
        var journal = await fixture.Cluster.Storage.Journal.ReadStreamAsync(grainId.ToString(), 0, 100, TestContext.Current.CancellationToken);
        Assert.Equal([nameof(ReservationReleased), nameof(NoAnswerPolicyTriggered), nameof(AgentPaused)],
            journal.Skip(journal.Count - 3).Select(r => r.EventType));
        Assert.Equal(1, journal.Count(r => r.EventType == nameof(NoAnswerPolicyTriggered)));
    }

    [Fact]
    public async Task A_journal_snapshot_restores_the_same_state()
    {
        var agent = fixture.NewAgent(out var id);
        var grainId = new GrainId(typeof(IAgentGrain).FullName!, id);
        await agent.LogInAsync();
        for (var i = 0; i < 40; i++)
        {
            await agent.TryReserveAsync(Voice($"c{i}", wrapUpSeconds: 0));
            await agent.AnswerAsync($"c{i}");
            await agent.EndWorkAsync($"c{i}");
        }
        await agent.TryReserveAsync(Chat("chat1"));
        await agent.AnswerAsync("chat1");
        var before = Json(await agent.GetStatusAsync());

        await CollectAsync(grainId);
        var snapshot = await fixture.Cluster.Storage.Journal.ReadSnapshotAsync(grainId.ToString(), TestContext.Current.CancellationToken);

        Assert.NotNull(snapshot);
        Assert.Equal(100, snapshot.Version);
        Assert.Equal(before, Json(await agent.GetStatusAsync()));
        Assert.Equal(40, (await agent.GetStatusAsync()).Counters.HandledCalls);
    }

    private static bool Eligibility(AgentSnapshot snapshot) =>
        Grains.Routing.Eligibility.CanReserve(snapshot, Contracts.Medium.Voice);

    private static string Json(AgentStatus status) => JsonSerializer.Serialize(status, AgentJsonContext.Default.AgentStatus);

    /// <summary>Lets the idle collector deactivate the grain: timers do not keep it alive.</summary>
    private async Task CollectAsync(GrainId grainId)
    {
        for (var minute = 0; minute < 17; minute++)
        {
            Time.Advance(TimeSpan.FromMinutes(1));
        }
        await Eventually.TrueAsync(() => fixture.Cluster.HostOf(grainId) is null, Wait, $"{grainId} collected while idle");
    }
}
