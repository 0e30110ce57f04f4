using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Agents.Events;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Grains.Agents;
using static ContactCenter.Grains.Tests.Agents.AgentBuild;

namespace ContactCenter.Grains.Tests.Agents;

/// <summary>An offer whose phone could not be rung (no registration, unreachable) is no missed offer: the agent is
/// paused with <see cref="AgentRules.PhoneUnreachablePauseCode"/>, nothing counts against the no-answer policy, and the
/// agent's own resume makes them ready again.</summary>
public sealed class AgentUnreachablePhoneRulesTests
{
    /// <summary>A policy that fires on the first miss: any miss counted would show at once.</summary>
    private static readonly NoAnswerPolicy OneStrike = new()
    {
        Id = "one-strike",
        Name = "One strike",
        MaxMisses = 1,
        Window = TimeSpan.FromMinutes(10),
        Action = NoAnswerAction.Pause,
        PauseCodeId = "missed",
    };

    private static AgentState Ringing(string workId, int seconds)
    {
        var state = LoggedIn();
        state = state.Then(AgentRules.TryReserve(state, "a1", Voice(workId), At(seconds)));
        return state.Then(AgentRules.Ring(state, workId, At(seconds)));
    }

    [Fact]
    public void An_unreachable_phone_frees_the_slot_and_pauses_the_agent_with_the_phone_reason_without_a_miss()
    {
        var state = Ringing("c1", 0);

        var decision = AgentRules.Release(state, "c1", ReleaseReason.Unreachable, At(1), OneStrike);
        state = state.Then(decision);

        Assert.Equal([new ReservationReleased(At(1), "c1", ReleaseReason.Unreachable), new AgentPaused(At(1), AgentRules.PhoneUnreachablePauseCode)],
            decision.Events);
        Assert.DoesNotContain(decision.Events, e => e is NoAnswerPolicyTriggered);
        Assert.Empty(state.Work);
        Assert.Equal((Presence.Paused, "phone-unreachable"), (state.Presence, state.PauseCodeId));
        Assert.Equal(new DisplayedAgentState(DisplayedState.Paused, "phone-unreachable"), state.Display());
        Assert.Empty(state.RecentMisses);
        Assert.Equal((0, 0), (state.Counters.Missed, state.Counters.Declined));
    }

    [Fact]
    public void A_reserved_offer_whose_phone_cannot_be_rung_pauses_the_agent_too()
    {
        var state = LoggedIn();
        state = state.Then(AgentRules.TryReserve(state, "a1", Voice("c1"), At(0)));

        state = state.Then(AgentRules.Release(state, "c1", ReleaseReason.Unreachable, At(0)));

        Assert.Equal((Presence.Paused, AgentRules.PhoneUnreachablePauseCode), (state.Presence, state.PauseCodeId));
        Assert.False(AgentRules.CanTakeWork(state));
    }

    [Fact]
    public void A_pause_in_force_keeps_its_reason()
    {
        var state = Ringing("c1", 0);
        state = state.Then(AgentRules.Pause(state, "lunch", Lunch, At(1)));

        var decision = AgentRules.Release(state, "c1", ReleaseReason.Unreachable, At(2));
        state = state.Then(decision);

        Assert.Equal([typeof(ReservationReleased)], decision.Events.Select(e => e.GetType()));
        Assert.Equal((Presence.Paused, "lunch"), (state.Presence, state.PauseCodeId));
    }

    [Fact]
    public void Unreachable_phones_never_add_up_to_the_no_answer_policy_and_the_agent_resumes_by_itself()
    {
        var state = LoggedIn();
        for (var i = 0; i < 3; i++)
        {
            state = state.Then(AgentRules.TryReserve(state, "a1", Voice($"c{i}"), At(i * 10)));
            state = state.Then(AgentRules.Ring(state, $"c{i}", At(i * 10)));
            state = state.Then(AgentRules.Release(state, $"c{i}", ReleaseReason.Unreachable, At((i * 10) + 1), OneStrike));
            Assert.Equal(Presence.Paused, state.Presence);

            // The phone registered again: the agent makes themselves ready.
            state = state.Then(AgentRules.Resume(state, At((i * 10) + 5)));
            Assert.True(AgentRules.CanTakeWork(state));
        }

        Assert.Equal(Presence.Available, state.Presence);
        Assert.Null(state.PauseCodeId);
        Assert.Empty(state.RecentMisses);
        Assert.Equal(0, state.Counters.Missed);
    }

    [Fact]
    public void A_release_of_work_the_agent_no_longer_holds_changes_nothing()
    {
        var state = LoggedIn();

        var decision = AgentRules.Release(state, "gone", ReleaseReason.Unreachable, At(1));

        Assert.Equal(AgentCommandError.UnknownWork, decision.Error);
        Assert.Equal(Presence.Available, state.Presence);
    }
}
