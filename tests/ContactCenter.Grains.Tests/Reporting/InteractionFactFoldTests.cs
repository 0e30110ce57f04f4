using System.Collections.Immutable;
using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Calls.Events;
using ContactCenter.Contracts.Calls.Media;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.Reporting;
using ContactCenter.Grains.Reporting;
using ContactCenter.Grains.Tests.Calls;

namespace ContactCenter.Grains.Tests.Reporting;

/// <summary>The interaction fact as the fold of a call's journal: phase times, waits, holds, outcome and abandon phase,
/// applied once per journal version.</summary>
public sealed class InteractionFactFoldTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static readonly ScriptedCallMedia FrontEnd = new();

    private static DateTimeOffset At(double seconds) => T0.AddSeconds(seconds);

    private static InteractionFact Fold(params CallEvent[] events) =>
        events.Select((e, i) => (e, Version: i + 1L))
            .Aggregate(InteractionFactFold.Start("call-1"), (fact, next) => InteractionFactFold.Apply(fact, next.e, next.Version));

    private static CallArrived Arrived(double at) =>
        new(At(at), "+48111", "100", FrontEnd, null, 0, ImmutableDictionary<string, string>.Empty.Add("lang", "pl"));

    [Fact]
    public void An_answered_call_has_its_phase_times_waits_and_outcome()
    {
        var fact = Fold(
            Arrived(0),
            new CallEnteredIvr(At(1), "main"),
            new CallAttributeSet(At(8), "problem", "billing"),
            new CallQueued(At(10), "sales", 0),
            new AgentRingStarted(At(40), "anna", "sales", At(55), TimeSpan.FromSeconds(30), 1),
            new AgentRingEnded(At(55), "anna", AgentLegFailure.NoAnswer),
            new AgentRingStarted(At(60), "bob", "sales", At(75), TimeSpan.FromSeconds(30), 2),
            new CallConnected(At(64), "bob"),
            new CallHeld(At(100), "bob"),
            new CallRetrieved(At(130), "bob"),
            new CallNoteAdded(At(140), new CallNote(At(140), "bob", "wants a refund")),
            new CallCategorySet(At(150), "bob", "refund"),
            new ConversationEnded(At(200), CallParty.Customer, At(230)),
            new CallEnded(At(220), CallEndReason.Completed));

        Assert.Equal(14, fact.Version);
        Assert.Equal((CallDirection.Inbound, "+48111", "100", At(0)), (fact.Direction, fact.From, fact.To, fact.StartedAt));
        Assert.Equal(("main", At(1)), (fact.IvrTreeId, fact.IvrEnteredAt));
        Assert.Equal(("sales", "sales", At(10)), (fact.FirstQueueId, fact.QueueId, fact.QueuedAt));
        Assert.Equal((2, At(60)), (fact.Rings, fact.LastRingAt));
        Assert.Equal(["anna"], fact.MissedBy);
        Assert.Equal(("bob", At(64), TimeSpan.FromSeconds(4)), (fact.AgentId, fact.AnsweredAt, fact.RingToAnswer));
        Assert.Equal(TimeSpan.FromSeconds(54), fact.QueueWait);
        Assert.Equal((1, TimeSpan.FromSeconds(30), (DateTimeOffset?)null), (fact.Holds, fact.HoldTime, fact.HeldSince));
        Assert.Equal((At(200), CallParty.Customer), (fact.ConversationEndedAt, fact.EndedBy));
        Assert.Equal(TimeSpan.FromSeconds(136), fact.TalkTime);
        Assert.Equal(TimeSpan.FromSeconds(20), fact.WrapUpTime);
        Assert.Equal((At(220), CallEndReason.Completed, (AbandonPhase?)null), (fact.EndedAt, fact.EndReason, fact.AbandonPhase));
        Assert.True(fact.IsAnswered && fact.IsEnded);
        Assert.Equal("refund", fact.CategoryId);
        Assert.Equal("wants a refund", Assert.Single(fact.Notes).Text);
        Assert.Equal(["lang=pl", "problem=billing"], fact.Attributes.OrderBy(a => a.Key).Select(a => $"{a.Key}={a.Value}"));
    }

    [Fact]
    public void An_abandoned_call_keeps_its_phase_and_its_wait_runs_to_the_hang_up()
    {
        var fact = Fold(
            Arrived(0),
            new CallQueued(At(5), "sales", 0),
            new CallAbandoned(At(35), AbandonPhase.InQueue),
            new CallEnded(At(35), CallEndReason.Abandoned));

        Assert.Equal((CallEndReason.Abandoned, AbandonPhase.InQueue), (fact.EndReason, fact.AbandonPhase));
        Assert.False(fact.IsAnswered);
        Assert.Equal(TimeSpan.FromSeconds(30), fact.QueueWait);
        Assert.Null(fact.TalkTime);
    }

    [Fact]
    public void An_overflowed_call_records_where_it_went_and_its_wait_ends_when_it_left_the_queue()
    {
        var target = new RoutingTarget(RoutingTargetKind.Queue, "backoffice");
        var fact = Fold(
            Arrived(0),
            new CallQueued(At(0), "sales", 0),
            new CallLeftQueue(At(120), "sales", target, "overflow"),
            new CallQueued(At(120), "backoffice", 0),
            new CallConnected(At(150), "carl"));

        Assert.Equal(("sales", "backoffice", At(0), At(120)), (fact.FirstQueueId, fact.QueueId, fact.QueuedAt, fact.LastQueuedAt));
        Assert.Equal((target, "overflow", At(120)), (fact.LeftQueueTo, fact.LeftQueueReason, fact.LeftQueueAt));
        Assert.Equal(TimeSpan.FromSeconds(150), fact.QueueWait);
        Assert.Null(fact.RingToAnswer);
        Assert.False(fact.IsEnded);
    }

    [Fact]
    public void An_agent_initiated_call_belongs_to_its_agent_and_a_hold_open_at_the_end_is_closed_by_it()
    {
        var fact = Fold(
            new CallDialed(At(0), "anna", "+48999", "+48100", FrontEnd),
            new ExternalDialStarted(At(3), "+48999"),
            new CallConnected(At(9), "anna"),
            new CallHeld(At(20), "anna"),
            new ConversationEnded(At(50), CallParty.Customer, null),
            new CallEnded(At(50), CallEndReason.Completed));

        Assert.Equal((CallDirection.Outbound, "+48100", "+48999", "anna"), (fact.Direction, fact.From, fact.To, fact.AgentId));
        Assert.Equal((1, TimeSpan.FromSeconds(30)), (fact.Holds, fact.HoldTime));
        Assert.Null(fact.QueueWait);
        Assert.Equal(TimeSpan.Zero, fact.WrapUpTime);
    }

    [Fact]
    public void An_event_at_or_below_the_facts_version_is_not_applied_twice()
    {
        var fact = Fold(Arrived(0), new CallHeld(At(10), "anna"), new CallRetrieved(At(20), "anna"));
        Assert.Same(fact, InteractionFactFold.Apply(fact, new CallRetrieved(At(20), "anna"), 3));
        Assert.Same(fact, InteractionFactFold.Apply(fact, new CallHeld(At(10), "anna"), 2));
        Assert.Equal(TimeSpan.FromSeconds(10), fact.HoldTime);
    }

    [Fact]
    public void Transfers_consults_conferences_and_listen_ins_are_recorded_with_every_agent_who_talked()
    {
        var number = new RoutingTarget(RoutingTargetKind.ExternalNumber, "+48555");
        var fact = Fold(
            Arrived(0),
            new CallQueued(At(1), "sales", 0),
            new AgentRingStarted(At(2), "anna", "sales", At(20), TimeSpan.Zero, 1),
            new CallConnected(At(5), "anna"),
            new ListenInStarted(At(6), "sue", ListenInMode.Monitor),
            new ListenInStarted(At(7), "sue", ListenInMode.Whisper, ListenInMode.Monitor),
            new ConsultRingStarted(At(10), "anna", "bob", ConsultPurpose.Consult, At(30)),
            new ConsultAnswered(At(12), "bob"),
            new ConferenceStarted(At(20), "anna", "bob"),
            new AgentLeftCall(At(30), "anna"),
            new ConsultRingStarted(At(40), "bob", "carl", ConsultPurpose.Consult, At(60)),
            new ConsultAnswered(At(42), "carl"),
            new ConsultTransferred(At(50), "bob", "carl"),
            new CallTransferStarted(At(60), "carl", number),
            new CallTransferFailed(At(61), number, "busy"),
            new CallTransferStarted(At(70), "carl", number),
            new CallTransferCompleted(At(72), number));

        Assert.Equal(["anna", "bob", "carl"], fact.Agents);
        Assert.Equal(("carl", 2, true), (fact.AgentId, fact.Consults, fact.Conferenced));
        Assert.Equal(
            [
                new InteractionTransfer(At(50), "bob", new RoutingTarget(RoutingTargetKind.Agent, "carl"), Attended: true, Completed: true),
                new InteractionTransfer(At(60), "carl", number, Attended: false, Completed: false),
                new InteractionTransfer(At(70), "carl", number, Attended: false, Completed: true),
            ],
            fact.Transfers);
        Assert.Equal([new InteractionListenIn(At(6), "sue", ListenInMode.Monitor), new InteractionListenIn(At(7), "sue", ListenInMode.Whisper)], fact.ListenIns);
    }
}
