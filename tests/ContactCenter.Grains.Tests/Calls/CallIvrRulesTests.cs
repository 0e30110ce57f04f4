using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Calls.Events;
using ContactCenter.Contracts.Calls.Media;
using ContactCenter.Contracts.Ivr;
using ContactCenter.Grains.Calls;
using ContactCenter.Grains.Ivr;

namespace ContactCenter.Grains.Tests.Calls;

/// <summary>The call's IVR rules: entering a tree at a version, journaling the walk's steps and folding the position,
/// and steps that come after the call left its IVR.</summary>
public sealed class CallIvrRulesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Entering_a_tree_records_its_version_in_the_state()
    {
        var state = InIvr();

        Assert.Equal((CallPhase.Ivr, "main", 4L, (IvrPosition?)null), (state.Phase, state.IvrTreeId, state.IvrTreeVersion, state.IvrPosition));
    }

    [Fact]
    public void A_step_journals_each_node_with_the_position_on_the_last_and_the_attributes_it_set()
    {
        var position = new IvrPosition("menu", IvrStage.Digits, 0, "", 2);
        var step = new IvrStep(position, [new IvrSetAttribute("problem", "sales"), new IvrPlay(new MediaPlayback(["menu"], PlaybackId: "ivr-2"))],
            [new IvrTrace("set", "set problem = sales"), new IvrTrace("menu", "menu")]);

        var decision = CallRules.IvrStepped(InIvr(), step, T0);

        Assert.Equal([typeof(CallIvrStepped), typeof(CallIvrStepped), typeof(CallAttributeSet)], decision.Events.Select(e => e.GetType()));
        Assert.Equal([null, position], decision.Events.OfType<CallIvrStepped>().Select(e => e.Position));
        var state = InIvr().Then(decision);
        Assert.Equal((position, "sales"), (state.IvrPosition, state.Attributes["problem"]));
    }

    [Fact]
    public void A_step_after_the_call_left_its_ivr_or_an_ignored_one_changes_nothing()
    {
        var step = new IvrStep(null, [new IvrHangUp("bye")], [new IvrTrace("bye", "hangs up")]);
        var ended = InIvr().Then(CallRules.End(InIvr(), CallEndReason.Abandoned, null, T0));

        Assert.Empty(CallRules.IvrStepped(ended, step, T0).Events);
        Assert.Empty(CallRules.IvrStepped(InIvr(), IvrStep.Ignore(null), T0).Events);
    }

    private static CallState InIvr()
    {
        var arrival = new CallArrival { From = "+48221234567", To = "800", Media = new ScriptedCallMedia(), IvrTreeId = "main" };
        var arrived = CallState.Initial.Then(CallRules.Arrive(CallState.Initial, arrival, T0));
        return arrived.Then(CallRules.EnterIvr(arrived, "main", 4, T0));
    }
}
