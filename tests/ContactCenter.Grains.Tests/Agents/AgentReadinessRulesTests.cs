using ContactCenter.Contracts.Agents;
using ContactCenter.Grains.Agents;
using static ContactCenter.Grains.Tests.Agents.AgentBuild;

namespace ContactCenter.Grains.Tests.Agents;

/// <summary>When an agent pulls (<see cref="AgentRules.BecameReady"/>) and when its queues must be told
/// (<see cref="AgentRules.QueuesChanged"/>).</summary>
public sealed class AgentReadinessRulesTests
{
    [Fact]
    public void Logging_in_makes_the_agent_ready_and_changes_its_queues()
    {
        var after = LoggedIn();

        Assert.True(AgentRules.BecameReady(Initial, after));
        Assert.True(AgentRules.QueuesChanged(Initial, after));
    }

    [Fact]
    public void Pausing_is_not_ready_and_resuming_is()
    {
        var loggedIn = LoggedIn();
        var paused = loggedIn.Then(AgentRules.Pause(loggedIn, "lunch", Lunch, At(1)));
        var resumed = paused.Then(AgentRules.Resume(paused, At(2)));

        Assert.False(AgentRules.BecameReady(loggedIn, paused));
        Assert.False(AgentRules.CanTakeWork(paused));
        Assert.False(AgentRules.QueuesChanged(loggedIn, paused));
        Assert.True(AgentRules.BecameReady(paused, resumed));
    }

    [Fact]
    public void A_reservation_takes_a_slot_and_its_release_frees_it_again()
    {
        var ready = LoggedIn();
        var reserved = ready.Then(AgentRules.TryReserve(ready, "a1", Voice("c1"), At(1)));
        var released = reserved.Then(AgentRules.Release(reserved, "c1", ReleaseReason.Declined, At(2)));

        // Chat slots stay free while the voice slot is reserved: ready before, so no new pull.
        Assert.True(AgentRules.CanTakeWork(reserved));
        Assert.False(AgentRules.BecameReady(ready, reserved));
        Assert.True(AgentRules.BecameReady(reserved, released));
    }

    [Fact]
    public void Wrap_up_blocks_its_medium_until_it_ends()
    {
        var ready = LoggedIn();
        var busy = ready.Then(AgentRules.TryReserve(ready, "a1", Voice("c1"), At(1)));
        busy = busy.Then(AgentRules.Answer(busy, "c1", At(2)));
        var wrapUp = busy.Then(AgentRules.EndWork(busy, "c1", At(60)));
        var done = wrapUp.Then(AgentRules.FinishWrapUp(wrapUp, "c1", At(70)));

        Assert.False(AgentRules.BecameReady(busy, wrapUp));
        Assert.True(AgentRules.BecameReady(wrapUp, done));
    }

    [Fact]
    public void Joining_a_queue_while_ready_pulls_and_leaving_one_only_tells_the_queues()
    {
        var ready = LoggedIn();
        var left = ready.Then(AgentRules.LogOutOfQueue(ready, "sales", AgentActor.Agent, At(1)));
        var back = left.Then(AgentRules.LogInToQueue(left, "sales", AgentActor.Agent, At(2)));

        Assert.False(AgentRules.BecameReady(ready, left));
        Assert.True(AgentRules.QueuesChanged(ready, left));
        Assert.True(AgentRules.BecameReady(left, back));
        Assert.True(AgentRules.QueuesChanged(left, back));
    }

    [Fact]
    public void Logging_out_is_not_ready_and_empties_the_queues()
    {
        var ready = LoggedIn();
        var loggedOut = ready.Then(AgentRules.LogOut(ready, "end of shift", At(1)));

        Assert.False(AgentRules.CanTakeWork(loggedOut));
        Assert.False(AgentRules.BecameReady(ready, loggedOut));
        Assert.True(AgentRules.QueuesChanged(ready, loggedOut));
    }
}
