using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Calls.Events;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.Ivr;
using ContactCenter.Contracts.Queues;
using ContactCenter.Grains.Calls;

namespace ContactCenter.Grains.Tests.Calls;

/// <summary>What a waiting caller hears and may do (IVR-5): the announcement's prompts, leaving the queue by a key for an
/// IVR tree, and entering a tree as a routing target (overflow or closed queue to voicemail).</summary>
public sealed class CallWaitingRulesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_announcement_says_the_position_the_expected_wait_in_whole_minutes_and_the_options()
    {
        var treatment = new QueueTreatment { OptionsPromptId = "callback-offer" };

        var prompts = CallRules.WaitAnnouncement(new QueueWait(12, TimeSpan.FromSeconds(61), treatment));

        Assert.Equal(["you-are-number", "digit-1", "digit-2", "in-the-queue", "your-wait-time-is", "digit-2", "minutes", "callback-offer"],
            prompts);
    }

    [Fact]
    public void A_wait_under_a_minute_is_announced_as_one_minute_and_an_unmeasured_wait_not_at_all()
    {
        var treatment = new QueueTreatment();

        Assert.Equal(["you-are-number", "digit-3", "in-the-queue", "your-wait-time-is", "digit-1", "minutes"],
            CallRules.WaitAnnouncement(new QueueWait(3, TimeSpan.FromSeconds(5), treatment)));
        Assert.Equal(["you-are-number", "digit-3", "in-the-queue"], CallRules.WaitAnnouncement(new QueueWait(3, null, treatment)));
    }

    [Fact]
    public void A_treatment_can_leave_out_the_position_or_the_wait_and_nothing_is_announced_for_work_no_longer_waiting()
    {
        var waitOnly = new QueueTreatment { AnnouncePosition = false };
        var positionOnly = new QueueTreatment { AnnounceExpectedWait = false };

        Assert.Equal(["your-wait-time-is", "digit-4", "minutes"],
            CallRules.WaitAnnouncement(new QueueWait(2, TimeSpan.FromMinutes(4), waitOnly)));
        Assert.Equal(["you-are-number", "digit-2", "in-the-queue"],
            CallRules.WaitAnnouncement(new QueueWait(2, TimeSpan.FromMinutes(4), positionOnly)));
        Assert.Empty(CallRules.WaitAnnouncement(new QueueWait(null, null, new QueueTreatment { OptionsPromptId = "callback-offer" })));
    }

    [Fact]
    public void A_key_pressed_while_waiting_leaves_the_queue_for_the_options_tree()
    {
        var queued = Queued("sales");

        var decision = CallRules.ChoseWaitOption(queued, "sales", new QueueWaitOption("2", "voicemail"), treeVersion: 3, T0);

        Assert.Equal([typeof(CallLeftQueue), typeof(CallEnteredIvr)], decision.Events.Select(e => e.GetType()));
        var left = decision.Find<CallLeftQueue>()!;
        Assert.Equal((new RoutingTarget(RoutingTargetKind.IvrTree, "voicemail"), "the caller pressed 2"), (left.Target, left.Reason));
        var state = queued.Then(decision);
        Assert.Equal((CallPhase.Ivr, "voicemail", 3L, (IvrPosition?)null), (state.Phase, state.IvrTreeId, state.IvrTreeVersion, state.IvrPosition));
    }

    [Fact]
    public void A_key_that_comes_after_the_call_stopped_waiting_there_changes_nothing()
    {
        var option = new QueueWaitOption("1", "callback");
        var ringing = Queued("sales").Then(CallRules.Offered(Queued("sales"),
            new WorkOfferedNotice("sales", "call-1", "agent-1", 7, TimeSpan.FromSeconds(20), TimeSpan.Zero), T0));

        Assert.Empty(CallRules.ChoseWaitOption(ringing, "sales", option, 1, T0).Events);
        Assert.Empty(CallRules.ChoseWaitOption(Queued("support"), "sales", option, 1, T0).Events);
    }

    [Fact]
    public void A_call_that_left_a_queue_enters_an_ivr_tree_from_the_start_of_it()
    {
        var inIvr = Arrived().Then(CallRules.EnterIvr(Arrived(), "main", 1, T0));
        var walked = inIvr with { IvrPosition = new IvrPosition("menu", IvrStage.Digits, 0, "", 1) };
        var left = walked.Then(CallRules.LeftQueue(walked, "sales", new RoutingTarget(RoutingTargetKind.IvrTree, "voicemail"), "overflow", T0));

        var state = left.Then(CallRules.EnterIvr(left, "voicemail", 5, T0));

        Assert.Equal((CallPhase.Ivr, "voicemail", 5L, (IvrPosition?)null), (state.Phase, state.IvrTreeId, state.IvrTreeVersion, state.IvrPosition));
        Assert.False(CallRules.EnterIvr(Queued("sales"), "voicemail", 5, T0).Accepted);
    }

    [Fact]
    public void An_agent_cannot_transfer_a_call_to_an_ivr_tree()
    {
        var connected = Queued("sales")
            .Then(CallRules.Offered(Queued("sales"), new WorkOfferedNotice("sales", "call-1", "agent-1", 7, TimeSpan.FromSeconds(20), TimeSpan.Zero), T0));
        connected = connected.Then(CallRules.AgentAnswered(connected, "agent-1", T0));

        var decision = CallRules.BlindTransfer(connected, "agent-1", new CallTransfer(new RoutingTarget(RoutingTargetKind.IvrTree, "survey")), T0);

        Assert.Equal(CallCommandError.InvalidRequest, decision.Error);
    }

    private static CallState Arrived()
    {
        var arrival = new CallArrival { From = "+48221234567", To = "200", Media = new ScriptedCallMedia(), Target = new RoutingTarget(RoutingTargetKind.Queue, "sales") };
        return CallState.Initial.Then(CallRules.Arrive(CallState.Initial, arrival, T0));
    }

    private static CallState Queued(string queueId) => Arrived().Then(CallRules.Queued(Arrived(), queueId, 0, T0));
}
