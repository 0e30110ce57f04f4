using System.Text.Json;
using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Calls.Events;
using ContactCenter.Contracts.Calls.Media;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.Queues;
using ContactCenter.Grains.Calls;

namespace ContactCenter.Grains.Tests.Calls;

/// <summary>The rules of a connected call's transfers, consultation, conference and listen-in as pure functions: which
/// command each state allows, and the events it raises.</summary>
public sealed class CallTransferRulesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static readonly ICallMedia NoMedia = new ScriptedCallMedia();

    private static readonly CallTransfer ToNumber = new(new RoutingTarget(RoutingTargetKind.ExternalNumber, "+48601000000"));

    private static readonly CallTransfer ToQueue = new(new RoutingTarget(RoutingTargetKind.Queue, "support"));

    private static readonly CallTransfer ToBob = new(new RoutingTarget(RoutingTargetKind.Agent, "bob"));

    /// <summary>Command × state: "emit" (accepted with events), "none" (accepted, nothing changes) or the refusal.</summary>
    public static TheoryData<string, string, string> Cases
    {
        get
        {
            var expected = new Dictionary<string, string[]>
            {
                // state             blind-number  blind-queue   blind-agent   consult       complete      conference    cancel        listen-in     stop-listen
                ["not-started"] = ["NotTheCallsAgent", "NotTheCallsAgent", "NotTheCallsAgent", "NotTheCallsAgent", "NotTheCallsAgent", "NotTheCallsAgent", "NotTheCallsAgent", "NotStarted", "NotStarted"],
                ["queued"] = ["NotTheCallsAgent", "NotTheCallsAgent", "NotTheCallsAgent", "NotTheCallsAgent", "NotTheCallsAgent", "NotTheCallsAgent", "NotTheCallsAgent", "InvalidPhase", "none"],
                ["ringing"] = ["InvalidPhase", "InvalidPhase", "InvalidPhase", "InvalidPhase", "InvalidPhase", "InvalidPhase", "InvalidPhase", "InvalidPhase", "none"],
                ["connected"] = ["emit", "emit", "emit", "emit", "InvalidPhase", "InvalidPhase", "none", "emit", "none"],
                ["consult-ringing"] = ["InvalidPhase", "InvalidPhase", "InvalidPhase", "InvalidPhase", "InvalidPhase", "InvalidPhase", "emit", "emit", "none"],
                ["consulting"] = ["InvalidPhase", "InvalidPhase", "InvalidPhase", "InvalidPhase", "emit", "emit", "emit", "emit", "none"],
                ["conference"] = ["InvalidPhase", "InvalidPhase", "InvalidPhase", "InvalidPhase", "emit", "none", "emit", "emit", "none"],
                ["transferring"] = ["InvalidPhase", "InvalidPhase", "InvalidPhase", "InvalidPhase", "InvalidPhase", "InvalidPhase", "none", "emit", "none"],
                ["listened-in"] = ["emit", "emit", "emit", "emit", "InvalidPhase", "InvalidPhase", "none", "none", "emit"],
                ["wrap-up"] = ["InvalidPhase", "InvalidPhase", "InvalidPhase", "InvalidPhase", "InvalidPhase", "InvalidPhase", "InvalidPhase", "InvalidPhase", "none"],
                ["ended"] = ["InvalidPhase", "InvalidPhase", "InvalidPhase", "InvalidPhase", "InvalidPhase", "InvalidPhase", "InvalidPhase", "InvalidPhase", "none"],
            };
            string[] commands = ["blind-number", "blind-queue", "blind-agent", "consult", "complete", "conference", "cancel", "listen-in", "stop-listen"];
            var data = new TheoryData<string, string, string>();
            foreach (var (state, outcomes) in expected)
            {
                for (var i = 0; i < commands.Length; i++)
                {
                    data.Add(state, commands[i], outcomes[i]);
                }
            }
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_command_is_allowed_only_in_its_states_and_a_refusal_raises_nothing(string state, string command, string expected)
    {
        var decision = Run(State(state), command, "anna");

        var outcome = decision.Error?.ToString() ?? (decision.Events.IsDefaultOrEmpty ? "none" : "emit");
        Assert.True(expected == outcome, $"{command} in {state}: expected {expected}, got {outcome} ({decision.Message})");
        Assert.True(decision.Accepted || decision.Events.IsDefaultOrEmpty);
    }

    [Theory]
    [InlineData("blind-number")]
    [InlineData("blind-queue")]
    [InlineData("blind-agent")]
    [InlineData("consult")]
    [InlineData("complete")]
    [InlineData("conference")]
    [InlineData("cancel")]
    public void Only_the_calls_agent_controls_the_call(string command)
    {
        Assert.Equal(CallCommandError.NotTheCallsAgent, Run(State("consulting"), command, "carl").Error);
    }

    [Fact]
    public void Malformed_targets_and_transfers_to_oneself_are_invalid()
    {
        var connected = Connected();

        Assert.Equal(CallCommandError.InvalidRequest, CallRules.BlindTransfer(connected, "anna", new(new(RoutingTargetKind.Queue, " ")), T0).Error);
        Assert.Equal(CallCommandError.InvalidRequest, CallRules.BlindTransfer(connected, "anna", null!, T0).Error);
        Assert.Equal(CallCommandError.InvalidRequest, CallRules.BlindTransfer(connected, "anna", new(new(RoutingTargetKind.Agent, "anna")), T0).Error);
        Assert.Equal(CallCommandError.InvalidRequest, CallRules.Consult(connected, "anna", "anna", T0).Error);
        Assert.Equal(CallCommandError.InvalidRequest, CallRules.Consult(connected, "anna", "", T0).Error);
        Assert.Equal(CallCommandError.InvalidRequest, CallRules.ListenIn(connected, "anna", ListenInMode.Monitor, T0).Error);
        Assert.Equal(CallCommandError.InvalidRequest, CallRules.ListenIn(connected, "sue", (ListenInMode)42, T0).Error);
    }

    [Fact]
    public void A_blind_transfer_to_a_number_ends_the_call_as_transferred_once_the_front_end_completes_it()
    {
        var connected = Connected();
        var decision = CallRules.BlindTransfer(connected, "anna", ToNumber, T0.AddMinutes(1));
        Assert.IsType<CallTransferStarted>(Assert.Single(decision.Events));
        var transferring = connected.Then(decision);
        Assert.Equal(ToNumber.Target, transferring.ToStatus("c1", 1).TransferTarget);

        var wrapUp = transferring.Then(CallRules.TransferCompleted(transferring, T0.AddMinutes(2)));

        Assert.Equal((CallPhase.WrapUp, "anna", ToNumber.Target), (wrapUp.Phase, wrapUp.AgentId, wrapUp.TransferredTo));
        var ended = wrapUp.Then(CallRules.FinishWrapUp(wrapUp, "anna", T0.AddMinutes(3)));
        Assert.Equal((CallPhase.Ended, CallEndReason.Transferred), (ended.Phase, ended.EndReason));
        var expired = wrapUp.Then(CallRules.WrapUpExpired(wrapUp, T0.AddMinutes(3)));
        Assert.Equal(CallEndReason.Transferred, expired.EndReason);
        var noWrapUp = Connected(TimeSpan.Zero);
        noWrapUp = noWrapUp.Then(CallRules.BlindTransfer(noWrapUp, "anna", ToNumber, T0.AddMinutes(1)));
        var at0 = noWrapUp.Then(CallRules.TransferCompleted(noWrapUp, T0.AddMinutes(2)));
        Assert.Equal((CallPhase.Ended, CallEndReason.Transferred), (at0.Phase, at0.EndReason));
    }

    [Fact]
    public void A_failed_transfer_to_a_number_gives_the_customer_back_to_the_agent_and_a_late_report_changes_nothing()
    {
        var transferring = State("transferring");

        var back = transferring.Then(CallRules.TransferFailed(transferring, "486 Busy Here", T0.AddMinutes(2)));

        Assert.Equal((CallPhase.Connected, "anna", (RoutingTarget?)null), (back.Phase, back.AgentId, back.PendingTransfer));
        Assert.Empty(CallRules.TransferCompleted(back, T0.AddMinutes(3)).Events);
        Assert.Empty(CallRules.TransferFailed(back, "again", T0.AddMinutes(3)).Events);
        Assert.True(back.Then(CallRules.Hold(back, "anna", T0.AddMinutes(3))).Held);
    }

    [Fact]
    public void A_blind_transfer_to_a_queue_lets_the_agent_go_and_the_call_is_queued_again_with_its_data()
    {
        var connected = State("listened-in");
        connected = connected.Then(CallRules.AddNote(connected, "anna", "wants support", T0.AddMinutes(1)));
        connected = connected.Then(CallRules.SetCategory(connected, "anna", "support", T0.AddMinutes(1)));

        var decision = CallRules.BlindTransfer(connected, "anna", ToQueue, T0.AddMinutes(2));

        Assert.Equal([typeof(CallTransferStarted), typeof(ListenInStopped), typeof(AgentLeftCall)], decision.Events.Select(e => e.GetType()));
        var left = connected.Then(decision);
        Assert.Equal((CallPhase.Arrived, (string?)null, false), (left.Phase, left.AgentId, left.Held));
        Assert.Empty(left.ListenIns);
        var queued = left.Then(CallRules.Queued(left, "support", left.CallerBoost, T0.AddMinutes(2)));
        Assert.Equal((CallPhase.Queued, "support", "support"), (queued.Phase, queued.QueueId, queued.CategoryId));
        Assert.Equal("wants support", Assert.Single(queued.Notes).Text);
        Assert.Equal("vip", queued.Attributes["contact"]);
    }

    [Fact]
    public void A_blind_transfer_to_an_agent_holds_the_customer_and_passes_the_call_when_that_agent_answers()
    {
        var connected = Connected();
        var decision = CallRules.BlindTransfer(connected, "anna", ToBob, T0.AddMinutes(1));
        Assert.Equal([typeof(CallTransferStarted), typeof(CallHeld), typeof(ConsultRingStarted)], decision.Events.Select(e => e.GetType()));
        var ringing = connected.Then(decision);
        Assert.Equal(new CallConsult("bob", "anna", ConsultPurpose.Transfer, ConsultStage.Ringing, T0.AddMinutes(1),
            T0.AddMinutes(1) + CallRules.ConsultRingTimeout), ringing.Consult);

        var passed = ringing.Then(CallRules.SecondAgentAnswered(ringing, "bob", T0.AddMinutes(1).AddSeconds(5)));

        Assert.Equal((CallPhase.Connected, "bob", false, (CallConsult?)null), (passed.Phase, passed.AgentId, passed.Held, passed.Consult));
        Assert.Equal(CallCommandError.NotTheCallsAgent, CallRules.Hold(passed, "anna", T0.AddMinutes(2)).Error);
    }

    [Fact]
    public void When_the_agent_of_a_blind_transfer_does_not_answer_the_customer_stays_on_hold_with_the_transferring_agent()
    {
        var connected = Connected();
        var ringing = connected.Then(CallRules.BlindTransfer(connected, "anna", ToBob, T0.AddMinutes(1)));

        Assert.Empty(CallRules.SecondAgentRingTimedOut(ringing, T0.AddMinutes(1) + CallRules.ConsultRingTimeout - TimeSpan.FromSeconds(1)).Events);
        var back = ringing.Then(CallRules.SecondAgentRingTimedOut(ringing, T0.AddMinutes(1) + CallRules.ConsultRingTimeout));

        Assert.Equal((CallPhase.Connected, "anna", true, (CallConsult?)null), (back.Phase, back.AgentId, back.Held, back.Consult));
        Assert.False(back.Then(CallRules.Retrieve(back, "anna", T0.AddMinutes(2))).Held);
        Assert.Empty(CallRules.SecondAgentAnswered(back, "bob", T0.AddMinutes(2)).Events);
    }

    [Fact]
    public void A_consultation_talks_once_answered_then_completes_the_transfer()
    {
        var connected = Connected();
        var decision = CallRules.Consult(connected, "anna", "bob", T0.AddMinutes(1));
        Assert.Equal([typeof(CallHeld), typeof(ConsultRingStarted)], decision.Events.Select(e => e.GetType()));
        var ringing = connected.Then(decision);
        Assert.Empty(CallRules.SecondAgentAnswered(ringing, "carl", T0.AddMinutes(1)).Events);

        var talking = ringing.Then(CallRules.SecondAgentAnswered(ringing, "bob", T0.AddMinutes(1).AddSeconds(4)));
        Assert.Equal((ConsultStage.Talking, true, "anna"), (talking.Consult!.Stage, talking.Held, talking.AgentId));
        Assert.Equal(CallCommandError.InvalidPhase, CallRules.Retrieve(talking, "anna", T0.AddMinutes(2)).Error);

        var completed = CallRules.CompleteTransfer(talking, "anna", T0.AddMinutes(2));

        Assert.Equal([typeof(ConsultTransferred), typeof(CallRetrieved)], completed.Events.Select(e => e.GetType()));
        var passed = talking.Then(completed);
        Assert.Equal(("bob", false, (CallConsult?)null, CallPhase.Connected), (passed.AgentId, passed.Held, passed.Consult, passed.Phase));
        var wrapUp = passed.Then(CallRules.AgentHungUp(passed, "bob", T0.AddMinutes(5)));
        Assert.Equal((CallPhase.WrapUp, "bob"), (wrapUp.Phase, wrapUp.AgentId));
    }

    [Fact]
    public void A_conference_takes_the_customer_off_hold_and_the_second_agent_can_leave_it()
    {
        var talking = State("consulting");

        var decision = CallRules.Conference(talking, "anna", T0.AddMinutes(2));

        Assert.Equal([typeof(CallRetrieved), typeof(ConferenceStarted)], decision.Events.Select(e => e.GetType()));
        var conference = talking.Then(decision);
        Assert.Equal((ConsultStage.Conference, false), (conference.Consult!.Stage, conference.Held));
        Assert.Equal(ConsultStage.Conference, conference.ToStatus("c1", 9).Consult!.Stage);
        var left = conference.Then(CallRules.AgentHungUp(conference, "bob", T0.AddMinutes(4)));
        Assert.Equal((CallPhase.Connected, "anna", false, (CallConsult?)null), (left.Phase, left.AgentId, left.Held, left.Consult));
        var ended = Assert.IsType<ConsultEnded>(Assert.Single(CallRules.AgentHungUp(conference, "bob", T0.AddMinutes(4)).Events));
        Assert.True(ended.Answered);
    }

    [Fact]
    public void Holding_a_conference_holds_the_customer_while_the_agents_talk_and_retrieving_brings_the_customer_back()
    {
        var conference = State("conference");

        var hold = CallRules.Hold(conference, "anna", T0.AddMinutes(3));

        Assert.IsType<CallHeld>(Assert.Single(hold.Events));
        var held = conference.Then(hold);
        Assert.Equal((ConsultStage.Conference, true), (held.Consult!.Stage, held.Held));
        Assert.Empty(CallRules.Hold(held, "anna", T0.AddMinutes(3)).Events);
        Assert.Equal(CallCommandError.NotTheCallsAgent, CallRules.Hold(conference, "bob", T0.AddMinutes(3)).Error);
        Assert.Empty(CallRules.Retrieve(conference, "anna", T0.AddMinutes(3)).Events);
        var retrieve = CallRules.Retrieve(held, "anna", T0.AddMinutes(4));
        Assert.IsType<CallRetrieved>(Assert.Single(retrieve.Events));
        var back = held.Then(retrieve);
        Assert.Equal((ConsultStage.Conference, false), (back.Consult!.Stage, back.Held));
        // The second agent leaving a held conference leaves the customer on hold with the agent.
        var left = held.Then(CallRules.AgentHungUp(held, "bob", T0.AddMinutes(5)));
        Assert.Equal(("anna", true, (CallConsult?)null), (left.AgentId, left.Held, left.Consult));
        // Still refused while the second agent rings or is consulted: the consultation holds the customer itself.
        Assert.Equal(CallCommandError.InvalidPhase, CallRules.Retrieve(State("consulting"), "anna", T0.AddMinutes(3)).Error);
        Assert.Equal(CallCommandError.InvalidPhase, CallRules.Hold(State("consult-ringing"), "anna", T0.AddMinutes(3)).Error);
    }

    [Fact]
    public void Cancelling_a_consultation_releases_the_second_agent_and_retrieves_the_customer()
    {
        var ringing = State("consult-ringing");
        var talking = State("consulting");

        var cancelRinging = CallRules.CancelConsult(ringing, "anna", T0.AddMinutes(2));
        var cancelTalking = CallRules.CancelConsult(talking, "anna", T0.AddMinutes(2));

        Assert.False(Assert.IsType<ConsultEnded>(cancelRinging.Events[0]).Answered);
        Assert.True(Assert.IsType<ConsultEnded>(cancelTalking.Events[0]).Answered);
        var back = talking.Then(cancelTalking);
        Assert.Equal(("anna", false, (CallConsult?)null), (back.AgentId, back.Held, back.Consult));
        Assert.Empty(CallRules.CancelConsult(back, "anna", T0.AddMinutes(3)).Events);
    }

    [Fact]
    public void The_consulted_agent_hanging_up_or_declining_leaves_the_customer_on_hold_with_the_agent()
    {
        var talking = State("consulting");
        var ringing = State("consult-ringing");

        var hungUp = talking.Then(CallRules.AgentHungUp(talking, "bob", T0.AddMinutes(3)));
        var declined = ringing.Then(CallRules.SecondAgentFailed(ringing, "bob", AgentLegFailure.Declined, T0.AddMinutes(1)));

        Assert.Equal(("anna", true, (CallConsult?)null), (hungUp.AgentId, hungUp.Held, hungUp.Consult));
        Assert.Equal(("anna", true, (CallConsult?)null), (declined.AgentId, declined.Held, declined.Consult));
        Assert.Empty(CallRules.SecondAgentFailed(talking, "bob", AgentLegFailure.NoAnswer, T0.AddMinutes(3)).Events);
    }

    [Fact]
    public void The_calls_agent_hanging_up_hands_an_answered_second_agent_the_call_but_ends_the_conversation_while_it_rings()
    {
        var talking = State("consulting");
        var ringing = State("consult-ringing");

        var passed = talking.Then(CallRules.AgentHungUp(talking, "anna", T0.AddMinutes(3)));
        var endedDecision = CallRules.AgentHungUp(ringing, "anna", T0.AddMinutes(3));

        Assert.Equal(("bob", false, CallPhase.Connected), (passed.AgentId, passed.Held, passed.Phase));
        Assert.Equal([typeof(ConsultEnded), typeof(ConversationEnded)], endedDecision.Events.Select(e => e.GetType()));
        Assert.Equal((CallPhase.WrapUp, (CallConsult?)null), (ringing.Then(endedDecision).Phase, ringing.Then(endedDecision).Consult));
    }

    [Fact]
    public void The_customer_hanging_up_ends_the_consultation_and_every_listen_in_with_the_conversation()
    {
        var talking = State("consulting");
        talking = talking.Then(CallRules.ListenIn(talking, "sue", ListenInMode.Monitor, T0.AddMinutes(2)));

        var decision = CallRules.CustomerHungUp(talking, T0.AddMinutes(3));

        Assert.Equal([typeof(ConsultEnded), typeof(ListenInStopped), typeof(ConversationEnded)], decision.Events.Select(e => e.GetType()));
        var wrapUp = talking.Then(decision);
        Assert.Equal((CallPhase.WrapUp, (CallConsult?)null, 0), (wrapUp.Phase, wrapUp.Consult, wrapUp.ListenIns.Length));
    }

    [Fact]
    public void A_listen_in_changes_mode_with_another_listen_in_and_journals_from_and_to()
    {
        var connected = Connected();
        var monitoring = connected.Then(CallRules.ListenIn(connected, "sue", ListenInMode.Monitor, T0.AddMinutes(1)));
        Assert.Empty(CallRules.ListenIn(monitoring, "sue", ListenInMode.Monitor, T0.AddMinutes(2)).Events);

        var change = Assert.IsType<ListenInStarted>(Assert.Single(CallRules.ListenIn(monitoring, "sue", ListenInMode.Barge, T0.AddMinutes(2)).Events));
        var barging = monitoring.Then(CallRules.ListenIn(monitoring, "sue", ListenInMode.Barge, T0.AddMinutes(2)));

        Assert.Equal((ListenInMode.Barge, (ListenInMode?)ListenInMode.Monitor), (change.Mode, change.PreviousMode));
        Assert.Equal(new CallListenIn("sue", ListenInMode.Barge, T0.AddMinutes(2)), Assert.Single(barging.ToStatus("c1", 3).ListenIns));
        var stop = Assert.IsType<ListenInStopped>(Assert.Single(CallRules.StopListenIn(barging, "sue", T0.AddMinutes(3)).Events));
        Assert.Equal(ListenInMode.Barge, stop.Mode);
        Assert.Empty(barging.Then(CallRules.StopListenIn(barging, "sue", T0.AddMinutes(3))).ListenIns);
    }

    [Fact]
    public void The_new_events_and_arguments_round_trip_through_the_call_serializer_context()
    {
        CallEvent[] events =
        [
            new CallTransferStarted(T0, "anna", ToNumber.Target),
            new CallTransferCompleted(T0, ToNumber.Target),
            new CallTransferFailed(T0, ToNumber.Target, "busy"),
            new AgentLeftCall(T0, "anna"),
            new ConsultRingStarted(T0, "anna", "bob", ConsultPurpose.Consult, T0.AddSeconds(20)),
            new ConsultAnswered(T0, "bob"),
            new ConsultEnded(T0, "bob", true, "cancelled"),
            new ConsultTransferred(T0, "anna", "bob"),
            new ConferenceStarted(T0, "anna", "bob"),
            new ListenInStarted(T0, "sue", ListenInMode.Whisper, ListenInMode.Monitor),
            new ListenInStopped(T0, "sue", ListenInMode.Whisper),
        ];

        foreach (var @event in events)
        {
            var json = JsonSerializer.Serialize(@event, CallJsonContext.Default.CallEvent);
            Assert.Equal(@event, JsonSerializer.Deserialize(json, CallJsonContext.Default.CallEvent));
        }
        var transfer = JsonSerializer.Deserialize(JsonSerializer.Serialize(ToQueue, CallJsonContext.Default.CallTransfer),
            CallJsonContext.Default.CallTransfer);
        Assert.Equal(ToQueue, transfer);
    }

    private static CallDecision Run(CallState state, string command, string agentId) => command switch
    {
        "blind-number" => CallRules.BlindTransfer(state, agentId, ToNumber, T0.AddMinutes(2)),
        "blind-queue" => CallRules.BlindTransfer(state, agentId, ToQueue, T0.AddMinutes(2)),
        "blind-agent" => CallRules.BlindTransfer(state, agentId, new(new(RoutingTargetKind.Agent, "dora")), T0.AddMinutes(2)),
        "consult" => CallRules.Consult(state, agentId, "dora", T0.AddMinutes(2)),
        "complete" => CallRules.CompleteTransfer(state, agentId, T0.AddMinutes(2)),
        "conference" => CallRules.Conference(state, agentId, T0.AddMinutes(2)),
        "cancel" => CallRules.CancelConsult(state, agentId, T0.AddMinutes(2)),
        "listen-in" => CallRules.ListenIn(state, "sue", ListenInMode.Monitor, T0.AddMinutes(2)),
        "stop-listen" => CallRules.StopListenIn(state, "sue", T0.AddMinutes(2)),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, null),
    };

    /// <summary>A call in the named state, anna being its agent (bob the second agent, sue a supervisor).</summary>
    private static CallState State(string name)
    {
        var connected = Connected();
        var at = T0.AddMinutes(1);
        switch (name)
        {
            case "not-started":
                return CallState.Initial;
            case "queued":
                return Queued();
            case "ringing":
                return Ringing(TimeSpan.FromSeconds(30));
            case "connected":
                return connected;
            case "consult-ringing":
                return connected.Then(CallRules.Consult(connected, "anna", "bob", at));
            case "consulting":
                var ringing = State("consult-ringing");
                return ringing.Then(CallRules.SecondAgentAnswered(ringing, "bob", at.AddSeconds(5)));
            case "conference":
                var talking = State("consulting");
                return talking.Then(CallRules.Conference(talking, "anna", at.AddSeconds(30)));
            case "transferring":
                return connected.Then(CallRules.BlindTransfer(connected, "anna", ToNumber, at));
            case "listened-in":
                return connected.Then(CallRules.ListenIn(connected, "sue", ListenInMode.Monitor, at));
            case "wrap-up":
                return connected.Then(CallRules.AgentHungUp(connected, "anna", at));
            case "ended":
                var wrapUp = State("wrap-up");
                return wrapUp.Then(CallRules.FinishWrapUp(wrapUp, "anna", at.AddMinutes(1)));
            default:
                throw new ArgumentOutOfRangeException(nameof(name), name, null);
        }
    }

    private static CallState Queued()
    {
        var arrived = CallState.Initial.Then(CallRules.Arrive(CallState.Initial, new CallArrival
        {
            From = "+48221234567",
            To = "200",
            Media = NoMedia,
            Target = new RoutingTarget(RoutingTargetKind.Queue, "sales"),
        }, T0));
        arrived = arrived.Then(CallRules.SetAttribute(arrived, "contact", "vip", T0));
        return arrived.Then(CallRules.Queued(arrived, "sales", 0, T0.AddSeconds(1)));
    }

    private static CallState Ringing(TimeSpan wrapUp)
    {
        var queued = Queued();
        return queued.Then(CallRules.Offered(queued,
            new WorkOfferedNotice("sales", "c1", "anna", 1, TimeSpan.FromSeconds(15), wrapUp), T0.AddSeconds(20)));
    }

    private static CallState Connected(TimeSpan? wrapUp = null)
    {
        var ringing = Ringing(wrapUp ?? TimeSpan.FromSeconds(30));
        return ringing.Then(CallRules.AgentAnswered(ringing, "anna", T0.AddSeconds(25)));
    }
}
