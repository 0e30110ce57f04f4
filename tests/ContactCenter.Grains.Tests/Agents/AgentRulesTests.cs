using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Agents.Events;
using ContactCenter.Grains.Agents;
using static ContactCenter.Grains.Tests.Agents.AgentBuild;

namespace ContactCenter.Grains.Tests.Agents;

/// <summary>Presence, pause and queue log-in rules of the agent state machine, without a cluster.</summary>
public sealed class AgentRulesTests
{
    [Fact]
    public void Log_in_needs_a_profile_and_joins_every_profile_queue()
    {
        var refused = AgentRules.LogIn(Initial, null, T0);
        Assert.Equal(AgentCommandError.ProfileNotFound, refused.Error);
        Assert.Empty(refused.Events);

        var state = LoggedIn();

        Assert.Equal(Presence.Available, state.Presence);
        Assert.Equal(DisplayedState.Available, state.Shown());
        Assert.Equal(["sales", "support", "vip"], state.Queues.Select(q => q.QueueId));
        Assert.Equal(7, state.Queues.Single(q => q.QueueId == "sales").Priority);
        Assert.Equal(T0, state.IdleSince);
        Assert.Equal(T0, state.Counters.Since);
        Assert.Equal(new AgentStatusInterval(DisplayedState.Available, null, T0, null), Assert.Single(state.History));
    }

    [Fact]
    public void Repeating_a_command_whose_target_holds_is_accepted_without_events()
    {
        var state = LoggedIn();

        var again = AgentRules.LogIn(state, Profile(), At(5));
        var resume = AgentRules.Resume(state, At(5));
        var queue = AgentRules.LogInToQueue(state, "sales", AgentActor.Agent, At(5));

        Assert.All([again, resume, queue], d =>
        {
            Assert.True(d.Accepted);
            Assert.Empty(d.Events);
            Assert.False(d.ToResult().Changed);
        });
    }

    [Fact]
    public void Pause_needs_a_logged_in_agent_and_a_known_code_and_shows_its_reason()
    {
        Assert.Equal(AgentCommandError.NotLoggedIn, AgentRules.Pause(Initial, "lunch", Lunch, T0).Error);
        var state = LoggedIn();
        var unknown = AgentRules.Pause(state, "nap", null, At(1));
        Assert.Equal(AgentCommandError.UnknownPauseCode, unknown.Error);
        Assert.Empty(unknown.Events);

        state = state.Then(AgentRules.Pause(state, "lunch", Lunch, At(10)));

        Assert.Equal(new DisplayedAgentState(DisplayedState.Paused, "lunch"), state.Display());
        state = state.Then(AgentRules.Resume(state, At(70)));
        Assert.Equal(DisplayedState.Available, state.Shown());
        Assert.Equal(TimeSpan.FromSeconds(60), state.Counters.PauseTime);
        Assert.Equal(
            [
                new AgentStatusInterval(DisplayedState.Available, null, T0, At(10)),
                new AgentStatusInterval(DisplayedState.Paused, "lunch", At(10), At(70)),
                new AgentStatusInterval(DisplayedState.Available, null, At(70), null),
            ],
            state.History);
    }

    [Fact]
    public void The_agent_may_leave_and_rejoin_self_service_queues_only()
    {
        var state = LoggedIn();

        state = state.Then(AgentRules.LogOutOfQueue(state, "sales", AgentActor.Agent, At(1)));
        Assert.DoesNotContain(state.Queues, q => q.QueueId == "sales");
        state = state.Then(AgentRules.LogInToQueue(state, "sales", AgentActor.Agent, At(2)));
        Assert.Contains(state.Queues, q => q.QueueId == "sales" && q.Priority == 7);

        var forbidden = AgentRules.LogOutOfQueue(state, "vip", AgentActor.Agent, At(3));
        Assert.Equal(AgentCommandError.SelfServiceForbidden, forbidden.Error);
        Assert.Empty(forbidden.Events);
        Assert.Equal(AgentCommandError.NotAMemberOfQueue, AgentRules.LogInToQueue(state, "billing", AgentActor.Supervisor, At(3)).Error);

        state = state.Then(AgentRules.LogOutOfQueue(state, "vip", AgentActor.Supervisor, At(4)));
        Assert.DoesNotContain(state.Queues, q => q.QueueId == "vip");
        Assert.Equal(AgentCommandError.SelfServiceForbidden, AgentRules.LogInToQueue(state, "vip", AgentActor.Agent, At(5)).Error);
        state = state.Then(AgentRules.LogInToQueue(state, "vip", AgentActor.System, At(6)));
        Assert.Contains(state.Queues, q => q.QueueId == "vip");
    }

    [Fact]
    public void Queue_commands_need_a_logged_in_agent()
    {
        Assert.Equal(AgentCommandError.NotLoggedIn, AgentRules.LogInToQueue(Initial, "sales", AgentActor.Supervisor, T0).Error);
        Assert.Equal(AgentCommandError.NotLoggedIn, AgentRules.LogOutOfQueue(Initial, "sales", AgentActor.Agent, T0).Error);
        Assert.Equal(AgentCommandError.NotLoggedIn, AgentRules.Resume(Initial, T0).Error);
    }

    [Fact]
    public void Log_out_is_refused_with_work_in_progress_and_ends_wrap_up()
    {
        var state = LoggedIn();
        state = state.Then(AgentRules.TryReserve(state, "a1", Voice("c1"), At(1)));
        state = state.Then(AgentRules.Ring(state, "c1", At(2)));

        var refused = AgentRules.LogOut(state, "shift end", At(3));
        Assert.Equal(AgentCommandError.WorkInProgress, refused.Error);
        Assert.Empty(refused.Events);

        state = state.Then(AgentRules.Answer(state, "c1", At(4)));
        state = state.Then(AgentRules.EndWork(state, "c1", At(64)));
        Assert.Equal(DisplayedState.WrapUp, state.Shown());
        state = state.Then(AgentRules.LogOut(state, "shift end", At(74)));

        Assert.Equal(new DisplayedAgentState(DisplayedState.LoggedOut), state.Display());
        Assert.Empty(state.Work);
        Assert.Empty(state.Queues);
        Assert.Equal(TimeSpan.FromSeconds(10), state.Counters.WrapUpTime);
        Assert.Equal(TimeSpan.FromSeconds(74), state.Counters.LoggedInTime);
        Assert.Equal(TimeSpan.FromSeconds(73), state.Counters.OccupiedTime);
        Assert.Equal(new AgentStatusInterval(DisplayedState.LoggedOut, "shift end", At(74), null), state.History[^1]);
        Assert.True(AgentRules.LogOut(state, null, At(80)) is { Accepted: true, Events.IsEmpty: true });
    }

    [Fact]
    public void A_changed_profile_drops_queues_it_no_longer_lists_and_takes_new_priorities_and_capacities()
    {
        var state = LoggedIn();
        var changed = Profile() with
        {
            Version = 2,
            Queues = [new Contracts.Configuration.QueueMembership("sales", 2)],
            Capacities = [new Contracts.Configuration.MediumCapacity(Contracts.Medium.Voice, 1)],
        };

        state = state.Then(AgentRules.ApplyProfile(state, changed, At(1)));

        Assert.Equal([new Contracts.Routing.AgentQueuePriority("sales", 2)], state.Queues);
        Assert.Equal([Contracts.Medium.Voice], state.ToSnapshot("a1", At(1)).Slots.Select(s => s.Medium));
        Assert.Empty(AgentRules.ApplyProfile(state, changed, At(2)).Events);
    }

    [Fact]
    public void Counters_reset_starts_a_new_period_that_clips_open_intervals()
    {
        var state = LoggedIn();
        state = state.Then(AgentRules.Pause(state, "lunch", Lunch, At(10)));
        state = state.Then(AgentRules.ResetCounters(At(40)));
        state = state.Then(AgentRules.Resume(state, At(100)));

        Assert.Equal(At(40), state.Counters.Since);
        Assert.Equal(TimeSpan.FromSeconds(60), state.Counters.PauseTime);
        Assert.IsType<AgentCountersReset>(AgentRules.ResetCounters(At(1)).Events.Single());
    }
}
