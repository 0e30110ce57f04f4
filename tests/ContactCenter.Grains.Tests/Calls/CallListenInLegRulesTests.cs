using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Calls.Events;
using ContactCenter.Contracts.Calls.Media;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.Queues;
using ContactCenter.Grains.Calls;

namespace ContactCenter.Grains.Tests.Calls;

/// <summary>A listening supervisor's leg that fails or hangs up ends the listen-in with the reason in the journal, so the
/// supervisor may listen in again and no view shows them still listening.</summary>
public sealed class CallListenInLegRulesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("Unreachable")]
    [InlineData("Declined")]
    [InlineData("NoAnswer")]
    [InlineData(CallRules.ListenInHungUp)]
    public void A_supervisor_leg_that_ends_stops_the_listen_in_with_its_reason(string reason)
    {
        var whispering = Listening(ListenInMode.Whisper);

        var decision = CallRules.ListenInLegEnded(whispering, "sue", reason, T0.AddMinutes(2));
        var after = whispering.Then(decision);

        Assert.Equal(new ListenInStopped(T0.AddMinutes(2), "sue", ListenInMode.Whisper, reason), Assert.Single(decision.Events));
        Assert.Empty(after.ListenIns);
        Assert.Empty(after.ToStatus("c1", 5).ListenIns);
        Assert.Equal(CallPhase.Connected, after.Phase);
        // The supervisor may listen in again.
        Assert.IsType<ListenInStarted>(Assert.Single(CallRules.ListenIn(after, "sue", ListenInMode.Monitor, T0.AddMinutes(3)).Events));
    }

    [Fact]
    public void A_leg_report_for_a_supervisor_who_no_longer_listens_in_changes_nothing()
    {
        var listening = Listening(ListenInMode.Monitor);
        var stopped = listening.Then(CallRules.StopListenIn(listening, "sue", T0.AddMinutes(2)));

        var late = CallRules.ListenInLegEnded(stopped, "sue", CallRules.ListenInHungUp, T0.AddMinutes(3));

        Assert.True(late.Accepted);
        Assert.Empty(late.Events);
        Assert.Null(Assert.IsType<ListenInStopped>(Assert.Single(CallRules.StopListenIn(listening, "sue", T0.AddMinutes(2)).Events)).Reason);
    }

    private static CallState Listening(ListenInMode mode)
    {
        var arrived = CallState.Initial.Then(CallRules.Arrive(CallState.Initial, new CallArrival
        {
            From = "+48221234567",
            To = "200",
            Media = new ScriptedCallMedia(),
            Target = new RoutingTarget(RoutingTargetKind.Queue, "sales"),
        }, T0));
        var queued = arrived.Then(CallRules.Queued(arrived, "sales", 0, T0.AddSeconds(1)));
        var ringing = queued.Then(CallRules.Offered(queued,
            new WorkOfferedNotice("sales", "c1", "anna", 1, TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30)), T0.AddSeconds(20)));
        var connected = ringing.Then(CallRules.AgentAnswered(ringing, "anna", T0.AddSeconds(25)));
        return connected.Then(CallRules.ListenIn(connected, "sue", mode, T0.AddMinutes(1)));
    }
}
