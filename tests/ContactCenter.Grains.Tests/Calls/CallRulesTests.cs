using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Calls.Events;
using ContactCenter.Contracts.Calls.Media;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.Queues;
using ContactCenter.Grains.Calls;

namespace ContactCenter.Grains.Tests.Calls;

/// <summary>The call's rules as pure functions: the life cycle, abandon phases, ring failures, and reports that come
/// too late to matter.</summary>
public sealed class CallRulesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static readonly ICallMedia NoMedia = new ScriptedCallMedia();

    [Fact]
    public void An_arrival_needs_numbers_and_exactly_one_of_target_and_ivr()
    {
        Assert.Equal(CallCommandError.InvalidRequest, CallRules.Arrive(CallState.Initial, Arrival() with { From = " " }, T0).Error);
        Assert.Equal(CallCommandError.InvalidRequest, CallRules.Arrive(CallState.Initial, Arrival() with { IvrTreeId = "main" }, T0).Error);
        Assert.Equal(CallCommandError.InvalidRequest, CallRules.Arrive(CallState.Initial, Arrival() with { Target = null }, T0).Error);
        // A call for a tree enters it only once answered (CallRules.EnterIvr): a hang-up before is an abandon before the IVR.
        var ivr = Arrived(Arrival() with { Target = null, IvrTreeId = "main" });
        Assert.Equal(CallPhase.Arrived, ivr.Phase);
        Assert.Equal(CallCommandError.AlreadyStarted, CallRules.Arrive(ivr, Arrival(), T0).Error);
    }

    [Fact]
    public void A_call_an_agent_placed_records_the_agent_only_when_its_slot_is_held()
    {
        var placed = Arrival() with { PlacedBy = "anna" };

        Assert.Null(CallState.Initial.Then(CallRules.Arrive(CallState.Initial, placed, T0)).PlacedBy);
        var held = CallState.Initial.Then(CallRules.Arrive(CallState.Initial, placed, T0, placerHeld: true));
        Assert.Equal("anna", held.PlacedBy);
        // The end of the call keeps it, so the call can free the agent whichever way it ended.
        Assert.Equal("anna", held.Then(CallRules.End(held, CallEndReason.MediaLost, "gone", T0)).PlacedBy);
    }

    public static TheoryData<string, AbandonPhase> AbandonCases => new()
    {
        { "arrived", AbandonPhase.BeforeIvr },
        { "ivr", AbandonPhase.InIvr },
        { "queued", AbandonPhase.InQueue },
        { "ringing", AbandonPhase.RingingAtAgent },
    };

    [Theory]
    [MemberData(nameof(AbandonCases))]
    public void Hanging_up_before_the_conversation_is_an_abandon_in_the_phase_the_call_was_in(string phase, AbandonPhase expected)
    {
        var state = phase switch
        {
            "arrived" => Arrived(),
            "ivr" => Arrived().Then(CallRules.EnterIvr(Arrived(), "main", 1, T0)),
            "queued" => Queued(),
            _ => Ringing(),
        };

        var ended = state.Then(CallRules.CustomerHungUp(state, T0.AddSeconds(50)));

        Assert.Equal((CallPhase.Ended, CallEndReason.Abandoned, (AbandonPhase?)expected), (ended.Phase, ended.EndReason, ended.AbandonPhase));
    }

    [Fact]
    public void A_queued_call_whose_agent_does_not_answer_waits_again_and_remembers_the_miss()
    {
        var ringing = Ringing();

        var back = ringing.Then(CallRules.RingFailed(ringing, "anna", AgentLegFailure.NoAnswer, T0.AddSeconds(30)));

        Assert.Equal((CallPhase.Queued, (string?)null, "sales"), (back.Phase, back.AgentId, back.QueueId));
        Assert.Equal(["anna"], back.MissedBy);
        Assert.Empty(CallRules.RingFailed(back, "anna", AgentLegFailure.NoAnswer, T0.AddSeconds(31)).Events);
    }

    [Fact]
    public void A_call_routed_to_one_agent_ends_when_that_agent_does_not_answer()
    {
        var state = Arrived();
        state = state.Then(CallRules.OfferedDirectly(state, "anna", TimeSpan.FromSeconds(20), T0));

        var ended = state.Then(CallRules.RingFailed(state, "anna", AgentLegFailure.Busy, T0.AddSeconds(3)));

        Assert.Equal((CallPhase.Ended, CallEndReason.AgentUnavailable), (ended.Phase, ended.EndReason));
    }

    [Fact]
    public void The_ring_deadline_only_fires_once_it_passed()
    {
        var ringing = Ringing();

        Assert.Empty(CallRules.RingTimedOut(ringing, T0.AddSeconds(34)).Events);
        Assert.IsType<AgentRingEnded>(Assert.Single(CallRules.RingTimedOut(ringing, T0.AddSeconds(35)).Events));
    }

    [Fact]
    public void An_offer_notice_for_a_call_no_longer_waiting_changes_nothing()
    {
        var ringing = Ringing();
        var ended = ringing.Then(CallRules.CustomerHungUp(ringing, T0.AddSeconds(40)));
        var notice = new WorkOfferedNotice("sales", "c1", "bob", 2, TimeSpan.FromSeconds(15), TimeSpan.Zero);

        Assert.Empty(CallRules.Offered(ringing, notice, T0.AddSeconds(41)).Events);
        Assert.Empty(CallRules.Offered(ended, notice, T0.AddSeconds(41)).Events);
        Assert.Empty(CallRules.Offered(Queued() with { QueueId = "support" }, notice, T0.AddSeconds(41)).Events);
    }

    [Fact]
    public void Without_wrap_up_time_the_call_ends_with_the_conversation()
    {
        var connected = Connected(wrapUp: TimeSpan.Zero);

        var ended = connected.Then(CallRules.AgentHungUp(connected, "anna", T0.AddMinutes(3)));

        Assert.Equal((CallPhase.Ended, CallEndReason.Completed), (ended.Phase, ended.EndReason));
    }

    [Fact]
    public void Wrap_up_ends_by_the_agent_or_by_its_deadline_and_only_for_the_calls_agent()
    {
        var connected = Connected(wrapUp: TimeSpan.FromSeconds(30));
        var wrapUp = connected.Then(CallRules.CustomerHungUp(connected, T0.AddMinutes(3)));

        Assert.Equal((CallPhase.WrapUp, (DateTimeOffset?)T0.AddMinutes(3).AddSeconds(30)), (wrapUp.Phase, wrapUp.WrapUpUntil));
        Assert.Equal(CallCommandError.NotTheCallsAgent, CallRules.FinishWrapUp(wrapUp, "bob", T0.AddMinutes(4)).Error);
        Assert.Empty(CallRules.WrapUpExpired(wrapUp, T0.AddMinutes(3).AddSeconds(29)).Events);
        Assert.Equal(CallPhase.Ended, wrapUp.Then(CallRules.WrapUpExpired(wrapUp, T0.AddMinutes(3).AddSeconds(30))).Phase);
        Assert.Equal(CallPhase.Ended, wrapUp.Then(CallRules.FinishWrapUp(wrapUp, "anna", T0.AddMinutes(4))).Phase);
    }

    [Fact]
    public void Hold_notes_and_category_belong_to_the_calls_agent_during_the_conversation()
    {
        var connected = Connected(wrapUp: TimeSpan.FromSeconds(30));
        var held = connected.Then(CallRules.Hold(connected, "anna", T0.AddMinutes(1)));

        Assert.True(held.Held);
        Assert.Empty(CallRules.Hold(held, "anna", T0.AddMinutes(1)).Events);
        Assert.False(held.Then(CallRules.Retrieve(held, "anna", T0.AddMinutes(2))).Held);
        Assert.Equal(CallCommandError.NotTheCallsAgent, CallRules.Hold(connected, "bob", T0).Error);
        Assert.Equal(CallCommandError.InvalidRequest, CallRules.AddNote(connected, "anna", new string('x', CallRules.NoteLength + 1), T0).Error);
        Assert.Equal(CallCommandError.InvalidPhase, CallRules.AddNote(Ringing(), "anna", "hello", T0).Error);
        var wrapUp = connected.Then(CallRules.AgentHungUp(connected, "anna", T0.AddMinutes(3)));
        Assert.Equal("vip", wrapUp.Then(CallRules.SetCategory(wrapUp, "anna", "vip", T0.AddMinutes(4))).CategoryId);
        Assert.Equal(CallCommandError.InvalidPhase, CallRules.Hold(wrapUp, "anna", T0.AddMinutes(4)).Error);
    }

    [Fact]
    public void A_recording_site_records_from_the_first_connection_and_the_agent_pauses_and_resumes_it()
    {
        var ringing = Ringing();
        var answered = CallRules.AgentAnswered(ringing, "anna", T0.AddSeconds(25));

        var recorded = CallRules.StartRecording(ringing, answered, recordCalls: true, T0.AddSeconds(25));

        Assert.IsType<CallRecordingStarted>(recorded.Events[^1]);
        Assert.Same(answered, CallRules.StartRecording(ringing, answered, recordCalls: false, T0.AddSeconds(25)));
        var rangOut = CallRules.RingFailed(ringing, "anna", AgentLegFailure.NoAnswer, T0.AddSeconds(35));
        Assert.Same(rangOut, CallRules.StartRecording(ringing, rangOut, recordCalls: true, T0.AddSeconds(35)));
        var connected = ringing.Then(recorded);
        Assert.Equal(CallRecordingState.On, connected.Recording);
        var paused = connected.Then(CallRules.SetRecording(connected, "anna", recording: false, T0.AddMinutes(1)));
        Assert.Equal(CallRecordingState.Paused, paused.Recording);
        Assert.Empty(CallRules.SetRecording(paused, "anna", recording: false, T0.AddMinutes(1)).Events);
        Assert.Equal(CallRecordingState.On, paused.Then(CallRules.SetRecording(paused, "anna", recording: true, T0.AddMinutes(2))).Recording);
        Assert.Equal(CallCommandError.NotTheCallsAgent, CallRules.SetRecording(connected, "bob", recording: false, T0).Error);
        var unrecorded = ringing.Then(answered);
        Assert.Equal(CallCommandError.InvalidPhase, CallRules.SetRecording(unrecorded, "anna", recording: false, T0).Error);
        Assert.Same(answered, CallRules.StartRecording(connected, answered, recordCalls: true, T0));
    }

    [Fact]
    public void An_agent_initiated_call_dials_after_the_agent_answers_and_fails_when_the_number_does_not()
    {
        var dialed = CallState.Initial.Then(CallRules.Dial(CallState.Initial, new CallDial("anna", "+48601000000", "+48221000000", NoMedia), T0));
        Assert.Equal((CallPhase.Ringing, CallDirection.Outbound, "anna"), (dialed.Phase, dialed.Direction, dialed.AgentId));

        var dialing = dialed.Then(CallRules.AgentAnswered(dialed, "anna", T0.AddSeconds(2)));
        Assert.Equal(CallPhase.Dialing, dialing.Phase);

        var failed = dialing.Then(CallRules.ExternalFailed(dialing, 486, "Busy Here", T0.AddSeconds(5)));
        Assert.Equal((CallPhase.Ended, CallEndReason.Failed), (failed.Phase, failed.EndReason));
        var connected = dialing.Then(CallRules.ExternalAnswered(dialing, T0.AddSeconds(9)));
        Assert.Equal((CallPhase.Connected, "anna"), (connected.Phase, connected.AgentId));
    }

    [Fact]
    public void A_consultation_dial_records_the_call_it_consults_from()
    {
        var dialed = CallState.Initial.Then(CallRules.Dial(CallState.Initial, new CallDial("anna", "+48601000000", "", NoMedia, ConsultedCallId: "first"), T0));

        Assert.Equal(("first", CallPhase.Ringing, "anna"), (dialed.ConsultedCallId, dialed.Phase, dialed.AgentId));
        Assert.Null(CallState.Initial.Then(CallRules.Dial(CallState.Initial, new CallDial("anna", "+48601000000", "", NoMedia), T0)).ConsultedCallId);
    }

    private static CallArrival Arrival() => new()
    {
        From = "+48221234567",
        To = "200",
        Media = NoMedia,
        Target = new RoutingTarget(RoutingTargetKind.Queue, "sales"),
    };

    private static CallState Arrived(CallArrival? arrival = null) =>
        CallState.Initial.Then(CallRules.Arrive(CallState.Initial, arrival ?? Arrival(), T0));

    private static CallState Queued()
    {
        var arrived = Arrived();
        return arrived.Then(CallRules.Queued(arrived, "sales", 0, T0.AddSeconds(1)));
    }

    [Fact]
    public void Answering_from_the_workspace_is_for_the_ringing_agent_only_and_changes_nothing_until_the_leg_answers()
    {
        var ringing = Ringing();

        var answer = CallRules.Answer(ringing, "anna");

        Assert.True(answer.Accepted, answer.Message);
        Assert.True(answer.Events.IsEmpty);
        Assert.Equal(CallCommandError.NotTheCallsAgent, CallRules.Answer(ringing, "bob").Error);
        Assert.Equal(CallCommandError.InvalidPhase, CallRules.Answer(Queued(), "anna").Error);
        Assert.Equal(CallCommandError.InvalidPhase, CallRules.Answer(Connected(TimeSpan.FromSeconds(30)), "anna").Error);
    }

    private static CallState Ringing(TimeSpan? wrapUp = null)
    {
        var queued = Queued();
        return queued.Then(CallRules.Offered(queued,
            new WorkOfferedNotice("sales", "c1", "anna", 1, TimeSpan.FromSeconds(15), wrapUp ?? TimeSpan.FromSeconds(30)), T0.AddSeconds(20)));
    }

    private static CallState Connected(TimeSpan wrapUp)
    {
        var ringing = Ringing(wrapUp);
        return ringing.Then(CallRules.AgentAnswered(ringing, "anna", T0.AddSeconds(25)));
    }
}
