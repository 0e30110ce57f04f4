using ContactCenter.Contracts;
using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.Routing;
using ContactCenter.Grains.Agents;
using static ContactCenter.Grains.Tests.Agents.AgentBuild;

namespace ContactCenter.Grains.Tests.Agents;

/// <summary>The reservation arbiter and the life cycle of a slot, without a cluster.</summary>
public sealed class AgentWorkRulesTests
{
    [Fact]
    public void A_voice_call_goes_reserved_ringing_busy_wrap_up_and_frees_at_its_deadline()
    {
        var state = LoggedIn();

        state = state.Then(AgentRules.TryReserve(state, "a1", Voice("c1", wrapUpSeconds: 30), At(10)));
        Assert.Equal(DisplayedState.Reserved, state.Shown());
        Assert.Equal(At(10) + ReservationRequest.DefaultReserveTimeout, state.FindWork("c1")!.Deadline);
        state = state.Then(AgentRules.Ring(state, "c1", At(11)));
        Assert.Equal(DisplayedState.Ringing, state.Shown());
        Assert.Equal(At(31), state.FindWork("c1")!.Deadline);
        state = state.Then(AgentRules.Answer(state, "c1", At(15)));
        Assert.Equal(DisplayedState.Busy, state.Shown());
        Assert.Null(state.FindWork("c1")!.Deadline);
        state = state.Then(AgentRules.EndWork(state, "c1", At(135)));
        Assert.Equal(DisplayedState.WrapUp, state.Shown());
        Assert.Equal(At(165), state.FindWork("c1")!.Deadline);

        Assert.Empty(AgentRules.Expire(state, "c1", At(164)).Events);
        state = state.Then(AgentRules.Expire(state, "c1", At(165)));

        Assert.Equal(DisplayedState.Available, state.Shown());
        Assert.Empty(state.Work);
        Assert.Equal(At(165), state.IdleSince);
        var counters = state.Counters;
        Assert.Equal((1, 1, 1, 1, 1, 0), (counters.Reserved, counters.Offered, counters.Answered, counters.Handled, counters.HandledCalls, counters.Missed));
        Assert.Equal(TimeSpan.FromSeconds(120), counters.TalkTime);
        Assert.Equal(TimeSpan.FromSeconds(30), counters.WrapUpTime);
        Assert.Equal(TimeSpan.FromSeconds(155), counters.OccupiedTime);
        Assert.Equal(
            [DisplayedState.Available, DisplayedState.Reserved, DisplayedState.Ringing, DisplayedState.Busy, DisplayedState.WrapUp, DisplayedState.Available],
            state.History.Select(i => i.State));
        Assert.Equal(At(165), state.History[^2].End);
    }

    [Fact]
    public void Without_wrap_up_time_the_slot_frees_when_the_conversation_ends()
    {
        var state = LoggedIn();
        state = state.Then(AgentRules.TryReserve(state, "a1", Voice("c1", wrapUpSeconds: 0), At(1)));
        state = state.Then(AgentRules.Answer(state, "c1", At(2)));
        state = state.Then(AgentRules.EndWork(state, "c1", At(9)));

        Assert.Empty(state.Work);
        Assert.Equal(DisplayedState.Available, state.Shown());
        Assert.Equal(1, state.Counters.Handled);
    }

    [Fact]
    public void Chat_capacity_grants_exactly_one_reservation_per_slot_and_a_repeat_takes_no_second_slot()
    {
        var state = LoggedIn();
        for (var i = 0; i < 3; i++)
        {
            state = state.Then(AgentRules.TryReserve(state, "a1", Chat($"chat{i}"), At(i)));
        }

        var fourth = AgentRules.TryReserve(state, "a1", Chat("chat3"), At(4));
        var repeat = AgentRules.TryReserve(state, "a1", Chat("chat1"), At(4));

        Assert.Equal(ExclusionReason.AtCapacity, fourth.Refusal);
        Assert.False(fourth.ToReservation().Granted);
        Assert.True(repeat.ToReservation().Granted);
        Assert.Empty(repeat.Events);
        Assert.Equal(3, state.Work.Count(w => w.Medium == Medium.Chat));
        Assert.Equal(new MediumSlot(Medium.Chat, 3, 3, true), state.ToSnapshot("a1", At(4)).Slots.Single(s => s.Medium == Medium.Chat));
        Assert.True(AgentRules.TryReserve(state, "a1", Voice("c9"), At(4)).Accepted);
    }

    [Fact]
    public void The_arbiter_refuses_by_the_first_failing_eligibility_rule()
    {
        var state = LoggedIn();
        var paused = state.Then(AgentRules.Pause(state, "lunch", Lunch, At(1)));
        var busy = state.Then(AgentRules.TryReserve(state, "a1", Voice("c0"), At(1)));
        var inWrapUp = state.Then(AgentRules.TryReserve(state, "a1", Chat("chat0"), At(1)));
        inWrapUp = inWrapUp.Then(AgentRules.Answer(inWrapUp, "chat0", At(2)));
        inWrapUp = inWrapUp.Then(AgentRules.EndWork(inWrapUp, "chat0", At(3)));

        ExclusionReason? Refusal(AgentState s, ReservationRequest request) => AgentRules.TryReserve(s, "a1", request, At(5)).Refusal;

        Assert.Equal(ExclusionReason.NotLoggedIn, Refusal(Initial, Voice("c1")));
        Assert.Equal(ExclusionReason.Paused, Refusal(paused, Voice("c1")));
        Assert.Equal(ExclusionReason.NotInQueue, Refusal(state, Voice("c1", queue: "billing")));
        Assert.Equal(ExclusionReason.NoCapacityForMedium, Refusal(state, Voice("e1") with { Medium = Medium.Email }));
        Assert.Equal(ExclusionReason.AtCapacity, Refusal(busy, Voice("c1")));
        Assert.Equal(ExclusionReason.NotReadyForMedium, Refusal(inWrapUp, Chat("chat1")));
        Assert.Equal(ExclusionReason.MissingSkill, Refusal(state, Voice("c1") with { RequiredSkills = [new SkillRequirement("german", 1)] }));
        Assert.Equal(ExclusionReason.SkillBelowMinimum, Refusal(state, Voice("c1") with { RequiredSkills = [new SkillRequirement("billing", 6)] }));
        Assert.Null(Refusal(state, Voice("c1") with { RequiredSkills = [new SkillRequirement("billing", 5)] }));
        Assert.Null(Refusal(state, Voice("direct", queue: null)));
        Assert.Equal(ExclusionReason.Paused, Refusal(paused, Voice("direct", queue: null)));
        Assert.Equal(AgentCommandError.InvalidRequest, AgentRules.TryReserve(state, "a1", Voice(""), At(5)).Error);
    }

    [Fact]
    public void A_paused_agent_finishes_its_call_and_shows_the_call_not_the_pause()
    {
        var state = LoggedIn();
        state = state.Then(AgentRules.TryReserve(state, "a1", Voice("c1"), At(1)));
        state = state.Then(AgentRules.Answer(state, "c1", At(2)));
        state = state.Then(AgentRules.Pause(state, "lunch", Lunch, At(3)));

        Assert.Equal(DisplayedState.Busy, state.Shown());
        state = state.Then(AgentRules.EndWork(state, "c1", At(4)));
        state = state.Then(AgentRules.FinishWrapUp(state, "c1", At(5)));
        Assert.Equal(new DisplayedAgentState(DisplayedState.Paused, "lunch"), state.Display());
    }

    [Theory]
    [InlineData(ReleaseReason.Declined, 1, 0, 0)]
    [InlineData(ReleaseReason.NoAnswer, 0, 1, 0)]
    [InlineData(ReleaseReason.Timeout, 0, 0, 1)]
    [InlineData(ReleaseReason.Withdrawn, 0, 0, 0)]
    public void A_released_reservation_frees_its_slot_and_counts_by_reason(ReleaseReason reason, int declined, int missed, int timeouts)
    {
        var state = LoggedIn();
        state = state.Then(AgentRules.TryReserve(state, "a1", Voice("c1"), At(1)));
        state = state.Then(AgentRules.Ring(state, "c1", At(2)));

        state = state.Then(AgentRules.Release(state, "c1", reason, At(3)));

        Assert.Empty(state.Work);
        Assert.Equal(DisplayedState.Available, state.Shown());
        Assert.Equal((declined, missed, timeouts), (state.Counters.Declined, state.Counters.Missed, state.Counters.ReservationTimeouts));
        Assert.True(AgentRules.TryReserve(state, "a1", Voice("c2"), At(4)).Accepted);
    }

    [Fact]
    public void Deadlines_time_out_a_reservation_that_never_rang_and_count_a_ring_out_as_a_miss()
    {
        var state = LoggedIn();
        state = state.Then(AgentRules.TryReserve(state, "a1", Voice("c1"), At(0)));
        var timedOut = state.Then(AgentRules.Expire(state, "c1", At(10)));
        Assert.Empty(timedOut.Work);
        Assert.Equal(1, timedOut.Counters.ReservationTimeouts);

        state = state.Then(AgentRules.Ring(state, "c1", At(5)));
        Assert.Empty(AgentRules.Expire(state, "c1", At(10)).Events);
        var rangOut = state.Then(AgentRules.Expire(state, "c1", At(25)));
        Assert.Empty(rangOut.Work);
        Assert.Equal(1, rangOut.Counters.Missed);
        Assert.Empty(AgentRules.Expire(rangOut, "c1", At(30)).Events);
    }

    [Fact]
    public void Invalid_transitions_are_refused_with_a_reason_and_raise_nothing()
    {
        var state = LoggedIn();
        state = state.Then(AgentRules.TryReserve(state, "a1", Voice("c1"), At(1)));
        var ringing = state.Then(AgentRules.Ring(state, "c1", At(2)));
        var busy = ringing.Then(AgentRules.Answer(ringing, "c1", At(3)));

        var cases = new (AgentDecision Decision, AgentCommandError Error)[]
        {
            (AgentRules.Answer(state, "nope", At(4)), AgentCommandError.UnknownWork),
            (AgentRules.EndWork(ringing, "c1", At(4)), AgentCommandError.InvalidTransition),
            (AgentRules.Release(busy, "c1", ReleaseReason.Declined, At(4)), AgentCommandError.InvalidTransition),
            (AgentRules.Ring(busy, "c1", At(4)), AgentCommandError.InvalidTransition),
            (AgentRules.FinishWrapUp(busy, "c1", At(4)), AgentCommandError.InvalidTransition),
            (AgentRules.TryReserve(busy, "a1", Voice("c1"), At(4)), AgentCommandError.InvalidTransition),
        };

        Assert.All(cases, c =>
        {
            Assert.Equal(c.Error, c.Decision.Error);
            Assert.Empty(c.Decision.Events);
            Assert.False(c.Decision.ToResult().Succeeded);
            Assert.False(string.IsNullOrEmpty(c.Decision.Message));
        });
        Assert.Empty(AgentRules.Answer(busy, "c1", At(5)).Events);
        Assert.True(AgentRules.Answer(busy, "c1", At(5)).Accepted);
    }

    [Fact]
    public void The_snapshot_carries_what_routing_needs()
    {
        var state = LoggedIn();
        state = state.Then(AgentRules.TryReserve(state, "a1", Chat("chat1"), At(0)));
        state = state.Then(AgentRules.Answer(state, "chat1", At(0)));
        state = state.Then(AgentRules.EndWork(state, "chat1", At(30)));
        state = state.Then(AgentRules.FinishWrapUp(state, "chat1", At(50)));

        var snapshot = state.ToSnapshot("a1", At(100));

        Assert.Equal("a1", snapshot.AgentId);
        Assert.Equal(Presence.Available, snapshot.Presence);
        Assert.Equal(state.Queues, snapshot.Queues);
        Assert.Equal([new MediumSlot(Medium.Voice, 1, 0, true), new MediumSlot(Medium.Chat, 3, 0, true)], snapshot.Slots);
        Assert.Equal(Profile().Skills, snapshot.Skills);
        Assert.Equal(At(50), snapshot.IdleSince);
        Assert.Equal(0.5, snapshot.Occupancy, 6);
        Assert.Equal(1, snapshot.HandledCount);
    }
}
