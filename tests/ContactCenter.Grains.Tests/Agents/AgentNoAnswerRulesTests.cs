using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Agents.Events;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Grains.Agents;
using static ContactCenter.Grains.Tests.Agents.AgentBuild;

namespace ContactCenter.Grains.Tests.Agents;

/// <summary>The no-answer policy applied by the agent rules when an offer rings out (ROUTE-7).</summary>
public sealed class AgentNoAnswerRulesTests
{
    private static NoAnswerPolicy Policy(NoAnswerAction action = NoAnswerAction.Pause) => new()
    {
        Id = "na",
        Name = "Three in ten minutes",
        MaxMisses = 3,
        Window = TimeSpan.FromMinutes(10),
        Action = action,
        PauseCodeId = action == NoAnswerAction.Pause ? "missed" : null,
    };

    /// <summary>Reserves, rings and lets work <paramref name="workId"/> ring out at <paramref name="seconds"/>.</summary>
    private static AgentDecision RingOut(ref AgentState state, string workId, int seconds, NoAnswerPolicy? policy)
    {
        state = state.Then(AgentRules.TryReserve(state, "a1", Voice(workId), At(seconds)));
        state = state.Then(AgentRules.Ring(state, workId, At(seconds)));
        var ringTimeout = state.FindWork(workId)!.RingTimeout;
        var decision = AgentRules.Expire(state, workId, At(seconds) + ringTimeout, policy);
        state = state.Then(decision);
        return decision;
    }

    [Fact]
    public void One_miss_short_of_the_policy_changes_nothing_but_is_recorded()
    {
        var state = LoggedIn();
        RingOut(ref state, "c1", 0, Policy());
        var second = RingOut(ref state, "c2", 60, Policy());

        Assert.Equal([typeof(ReservationReleased)], second.Events.Select(e => e.GetType()));
        Assert.Equal(Presence.Available, state.Presence);
        Assert.Equal(2, state.RecentMisses.Length);
        Assert.Equal(2, state.Counters.Missed);
    }

    [Fact]
    public void The_nth_miss_within_the_window_pauses_with_the_policy_reason_and_raises_the_triggered_event()
    {
        var state = LoggedIn();
        RingOut(ref state, "c1", 0, Policy());
        RingOut(ref state, "c2", 60, Policy());
        var third = RingOut(ref state, "c3", 120, Policy());

        Assert.Equal([typeof(ReservationReleased), typeof(NoAnswerPolicyTriggered), typeof(AgentPaused)],
            third.Events.Select(e => e.GetType()));
        var triggered = Assert.IsType<NoAnswerPolicyTriggered>(third.Events[1]);
        Assert.Equal(new NoAnswerPolicyTriggered(third.Events[0].At, "na", 3, TimeSpan.FromMinutes(10),
            NoAnswerAction.Pause, "missed", true), triggered);
        Assert.Equal((Presence.Paused, "missed"), (state.Presence, state.PauseCodeId));
        Assert.Empty(state.RecentMisses);
        Assert.Equal(3, state.Counters.Missed);
    }

    [Fact]
    public void The_nth_miss_within_the_window_logs_out_when_the_policy_says_so()
    {
        var state = LoggedIn();
        RingOut(ref state, "c1", 0, Policy(NoAnswerAction.LogOut));
        RingOut(ref state, "c2", 60, Policy(NoAnswerAction.LogOut));
        var third = RingOut(ref state, "c3", 120, Policy(NoAnswerAction.LogOut));

        Assert.Equal([typeof(ReservationReleased), typeof(NoAnswerPolicyTriggered), typeof(AgentLoggedOut)],
            third.Events.Select(e => e.GetType()));
        Assert.Equal(NoAnswerAction.LogOut, ((NoAnswerPolicyTriggered)third.Events[1]).Action);
        Assert.Equal((Presence.LoggedOut, AgentRules.NoAnswerLogoutReason), (state.Presence, state.LogoutReason));
    }

    [Fact]
    public void Misses_spread_beyond_the_window_do_not_fire()
    {
        var state = LoggedIn();
        RingOut(ref state, "c1", 0, Policy());
        RingOut(ref state, "c2", 300, Policy());
        // The first miss (at 20 s) has left the 10-minute window when the third rings out at 620 s.
        var third = RingOut(ref state, "c3", 600, Policy());

        Assert.Single(third.Events);
        Assert.Equal(Presence.Available, state.Presence);
    }

    [Fact]
    public void Without_a_policy_misses_are_only_counted()
    {
        var state = LoggedIn();
        for (var i = 0; i < 5; i++)
        {
            Assert.Single(RingOut(ref state, $"c{i}", i * 30, null).Events);
        }

        Assert.Equal(Presence.Available, state.Presence);
        Assert.Equal(5, state.Counters.Missed);
    }

    [Fact]
    public void Answering_in_between_does_not_reset_the_misses()
    {
        var state = LoggedIn();
        RingOut(ref state, "c1", 0, Policy());
        RingOut(ref state, "c2", 60, Policy());
        state = state.Then(AgentRules.TryReserve(state, "a1", Voice("ok", wrapUpSeconds: 0), At(90)));
        state = state.Then(AgentRules.Answer(state, "ok", At(91)));
        state = state.Then(AgentRules.EndWork(state, "ok", At(100)));

        var third = RingOut(ref state, "c3", 120, Policy());

        Assert.Contains(third.Events, e => e is NoAnswerPolicyTriggered);
        Assert.Equal(Presence.Paused, state.Presence);
    }

    [Fact]
    public void A_release_for_no_answer_applies_the_policy_and_other_reasons_are_not_misses()
    {
        var state = LoggedIn();
        var policy = Policy() with { MaxMisses = 1 };
        state = state.Then(AgentRules.TryReserve(state, "a1", Voice("d1"), At(0)));
        var declined = AgentRules.Release(state, "d1", ReleaseReason.Declined, At(1), policy);
        state = state.Then(declined);
        state = state.Then(AgentRules.TryReserve(state, "a1", Voice("n1"), At(2)));
        var missed = AgentRules.Release(state, "n1", ReleaseReason.NoAnswer, At(3), policy);
        state = state.Then(missed);

        Assert.Single(declined.Events);
        Assert.Equal(3, missed.Events.Length);
        Assert.Equal(Presence.Paused, state.Presence);
    }

    [Fact]
    public void A_pause_in_force_is_kept_and_a_log_out_waits_while_other_work_is_in_progress()
    {
        var paused = LoggedIn();
        paused = paused.Then(AgentRules.TryReserve(paused, "a1", Voice("c1"), At(0)));
        paused = paused.Then(AgentRules.Pause(paused, "lunch", Lunch, At(1)));
        var pausedDecision = AgentRules.Release(paused, "c1", ReleaseReason.NoAnswer, At(2), Policy() with { MaxMisses = 1 });
        Assert.Equal([typeof(ReservationReleased), typeof(NoAnswerPolicyTriggered)], pausedDecision.Events.Select(e => e.GetType()));
        Assert.Equal("lunch", paused.Then(pausedDecision).PauseCodeId);

        var busy = LoggedIn();
        busy = busy.Then(AgentRules.TryReserve(busy, "a1", Chat("chat1"), At(0)));
        busy = busy.Then(AgentRules.Answer(busy, "chat1", At(1)));
        busy = busy.Then(AgentRules.TryReserve(busy, "a1", Voice("c1"), At(2)));
        var logout = Policy(NoAnswerAction.LogOut) with { MaxMisses = 1 };
        var deferred = AgentRules.Release(busy, "c1", ReleaseReason.NoAnswer, At(3), logout);
        busy = busy.Then(deferred);
        Assert.Single(deferred.Events);
        Assert.Single(busy.RecentMisses);
        Assert.Equal(Presence.Available, busy.Presence);
    }
}
