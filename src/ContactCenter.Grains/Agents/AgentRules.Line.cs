using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Agents.Events;
using ContactCenter.Contracts.Calls.Media;
using ContactCenter.Contracts.Configuration;

namespace ContactCenter.Grains.Agents;

public static partial class AgentRules
{
    /// <summary>The pause reason of an agent whose persistent line was lost (or could not be opened). It is no
    /// configured pause code: the platform sets it, and the agent's resume opens a new line.</summary>
    public const string LineLostPauseCode = "line-lost";

    /// <summary>True when the agent should hold a persistent line: logged in with a
    /// <see cref="LineMode.PersistentLine"/> profile.</summary>
    public static bool WantsLine(AgentState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Presence != Presence.LoggedOut && state.Profile?.LineMode == LineMode.PersistentLine;
    }

    /// <summary>True when a persistent line should be opened now: it is wanted, there is none, and the agent is
    /// available. A paused agent (a lost line included) gets its line when it resumes, so a phone that was hung up is
    /// not called again behind the agent's back.</summary>
    public static bool ShouldOpenLine(AgentState state) =>
        WantsLine(state) && state.Line is null && state.Presence == Presence.Available;

    /// <summary>Open line <paramref name="lineId"/> on front end <paramref name="media"/>; with no front end running
    /// (null) the line is lost at once, which pauses the agent.</summary>
    public static AgentDecision OpenLine(AgentState state, string lineId, ICallMedia? media, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentException.ThrowIfNullOrEmpty(lineId);
        if (!ShouldOpenLine(state))
        {
            return AgentDecision.NoChange("no line to open");
        }
        return media is null
            ? AgentDecision.Emit(new AgentLineLost(now, lineId, "no SIP front end is running"), new AgentPaused(now, LineLostPauseCode))
            : AgentDecision.Emit(new AgentLineOpening(now, lineId, media));
    }

    /// <summary>The front end reports the line up, with where other front ends send its offers
    /// (<paramref name="offerAddress"/>, may be null); a report of another line changes nothing.</summary>
    public static AgentDecision LineUp(AgentState state, string lineId, string? offerAddress, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Line is { } line && line.LineId == lineId && !line.Up
            ? AgentDecision.Emit(new AgentLineUp(now, lineId, offerAddress))
            : AgentDecision.NoChange($"line {lineId} is not the agent's opening line");
    }

    /// <summary>The front end reports the line down (not opened, or dropped): an available agent is paused with
    /// <see cref="LineLostPauseCode"/> so no offer goes to a phone that is not there; a pause in force stays as it is
    /// (the agent takes no work either way, and resuming opens a new line). A report of another line changes nothing.</summary>
    public static AgentDecision LineLost(AgentState state, string lineId, string? reason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Line?.LineId != lineId)
        {
            return AgentDecision.NoChange($"line {lineId} is not the agent's line");
        }
        var lost = new AgentLineLost(now, lineId, reason);
        return state.Presence == Presence.Available
            ? AgentDecision.Emit(lost, new AgentPaused(now, LineLostPauseCode))
            : AgentDecision.Emit(lost);
    }

    /// <summary>Close the line the agent no longer wants (logged out, or the profile rings per call now).</summary>
    public static AgentDecision CloseLine(AgentState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Line is { } line && !WantsLine(state)
            ? AgentDecision.Emit(new AgentLineClosed(now, line.LineId))
            : AgentDecision.NoChange("the line stays");
    }
}
