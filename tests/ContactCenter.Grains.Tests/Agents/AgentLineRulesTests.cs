using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Agents.Events;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Grains.Agents;
using ContactCenter.Grains.Tests.Calls;
using static ContactCenter.Grains.Tests.Agents.AgentBuild;

namespace ContactCenter.Grains.Tests.Agents;

/// <summary>The persistent line's rules (<see cref="AgentRules.ShouldOpenLine"/>, <see cref="AgentRules.OpenLine"/>,
/// <see cref="AgentRules.LineUp"/>, <see cref="AgentRules.LineLost"/>, <see cref="AgentRules.CloseLine"/>).</summary>
public sealed class AgentLineRulesTests
{
    private static readonly ScriptedCallMedia FrontEnd = new();

    private static AgentState LoggedInWithLine()
    {
        var profile = Profile() with { LineMode = LineMode.PersistentLine };
        return Initial.Then(AgentRules.LogIn(Initial, profile, T0));
    }

    [Fact]
    public void Only_an_available_agent_with_a_persistent_line_profile_and_no_line_opens_one()
    {
        var ringPerCall = LoggedIn();
        var persistent = LoggedInWithLine();
        var opening = persistent.Then(AgentRules.OpenLine(persistent, "line-1", FrontEnd, At(1)));
        var paused = persistent.Then(AgentRules.Pause(persistent, "lunch", Lunch, At(1)));

        Assert.False(AgentRules.ShouldOpenLine(Initial));
        Assert.False(AgentRules.ShouldOpenLine(ringPerCall));
        Assert.True(AgentRules.ShouldOpenLine(persistent));
        Assert.False(AgentRules.ShouldOpenLine(opening));
        Assert.False(AgentRules.ShouldOpenLine(paused));
        Assert.Equal(new AgentLine("line-1", FrontEnd, Up: false), opening.Line);
        Assert.Equal(AgentLineState.Opening, opening.ToStatus("a1", 1).Line);
        Assert.Empty(AgentRules.OpenLine(ringPerCall, "line-2", FrontEnd, At(1)).Events);
    }

    [Fact]
    public void Without_a_front_end_the_line_is_lost_at_once_and_the_agent_paused()
    {
        var persistent = LoggedInWithLine();

        var decision = AgentRules.OpenLine(persistent, "line-1", media: null, At(1));
        var after = persistent.Then(decision);

        Assert.IsType<AgentLineLost>(decision.Events[0]);
        Assert.Equal(new AgentPaused(At(1), AgentRules.LineLostPauseCode), decision.Events[1]);
        Assert.Null(after.Line);
        Assert.Equal(Presence.Paused, after.Presence);
        Assert.False(AgentRules.ShouldOpenLine(after));
    }

    [Fact]
    public void A_lost_line_pauses_an_available_agent_keeps_another_pause_and_ignores_stale_reports()
    {
        var persistent = LoggedInWithLine();
        var opening = persistent.Then(AgentRules.OpenLine(persistent, "line-1", FrontEnd, At(1)));
        var up = opening.Then(AgentRules.LineUp(opening, "line-1", "sip:line-secret@10.0.0.2:5060", At(2)));
        var lost = up.Then(AgentRules.LineLost(up, "line-1", "the agent hung up the phone", At(3)));
        var onLunch = up.Then(AgentRules.Pause(up, "lunch", Lunch, At(3)));
        var lostOnLunch = onLunch.Then(AgentRules.LineLost(onLunch, "line-1", "no RTP from the phone", At(4)));

        Assert.Equal(AgentLineState.Up, up.ToStatus("a1", 2).Line);
        Assert.Null(opening.Line!.OfferAddress);
        Assert.Equal("sip:line-secret@10.0.0.2:5060", up.Line!.OfferAddress);
        Assert.Empty(AgentRules.LineUp(up, "line-1", null, At(3)).Events);
        Assert.Empty(AgentRules.LineUp(up, "line-0", null, At(3)).Events);
        Assert.Empty(AgentRules.LineLost(up, "line-0", "an older line", At(3)).Events);
        Assert.Null(lost.Line);
        Assert.Equal((Presence.Paused, AgentRules.LineLostPauseCode), (lost.Presence, lost.PauseCodeId));
        Assert.Equal((Presence.Paused, "lunch"), (lostOnLunch.Presence, lostOnLunch.PauseCodeId));
        Assert.Null(lostOnLunch.Line);

        // Resuming asks for a new line.
        var resumed = lost.Then(AgentRules.Resume(lost, At(5)));
        Assert.True(AgentRules.ShouldOpenLine(resumed));
    }

    [Fact]
    public void The_line_closes_at_log_out_or_when_the_profile_rings_per_call_again()
    {
        var persistent = LoggedInWithLine();
        var up = persistent.Then(AgentRules.OpenLine(persistent, "line-1", FrontEnd, At(1)));
        var loggedOut = up.Then(AgentRules.LogOut(up, "home", At(2)));
        var ringPerCall = up.Then(AgentRules.ApplyProfile(up, Profile() with { Version = 2 }, At(2)));

        Assert.Empty(AgentRules.CloseLine(up, At(2)).Events);
        Assert.Equal(new AgentLineClosed(At(3), "line-1"), Assert.Single(AgentRules.CloseLine(loggedOut, At(3)).Events));
        Assert.Equal(new AgentLineClosed(At(3), "line-1"), Assert.Single(AgentRules.CloseLine(ringPerCall, At(3)).Events));
        Assert.Null(loggedOut.Then(AgentRules.CloseLine(loggedOut, At(3))).Line);
    }
}
