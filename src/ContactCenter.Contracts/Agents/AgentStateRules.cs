namespace ContactCenter.Contracts.Agents;

/// <summary>The displayed-state rule of ARCHITECTURE.md, as one pure function every view shares.</summary>
public static class AgentStateRules
{
    private static readonly DisplayedAgentState LoggedOut = new(DisplayedState.LoggedOut);
    private static readonly DisplayedAgentState Available = new(DisplayedState.Available);

    /// <summary>LoggedOut when not logged in; otherwise the first activity present in the order Ringing, Busy
    /// (voice), WrapUp, Chatting, Reserved; otherwise Paused(reason) when paused; otherwise Available.</summary>
    /// <remarks>Activities outrank the pause because a paused agent still finishes what it holds (a pause requested
    /// during a call takes effect for new offers only). Busy counts on the voice medium only: it is the in-call
    /// state; a text slot that is handling work is Chatting.</remarks>
    /// <param name="presence">The agent's presence.</param>
    /// <param name="pauseCodeId">The pause reason when paused.</param>
    /// <param name="activities">The occupied slots.</param>
    public static DisplayedAgentState Display(Presence presence, string? pauseCodeId,
        IReadOnlyList<MediumActivity> activities)
    {
        ArgumentNullException.ThrowIfNull(activities);
        if (presence == Presence.LoggedOut)
        {
            return LoggedOut;
        }
        var best = int.MaxValue;
        for (var i = 0; i < activities.Count; i++)
        {
            var rank = Rank(activities[i]);
            if (rank < best)
            {
                best = rank;
            }
        }
        return best switch
        {
            0 => new DisplayedAgentState(DisplayedState.Ringing),
            1 => new DisplayedAgentState(DisplayedState.Busy),
            2 => new DisplayedAgentState(DisplayedState.WrapUp),
            3 => new DisplayedAgentState(DisplayedState.Chatting),
            4 => new DisplayedAgentState(DisplayedState.Reserved),
            _ when presence == Presence.Paused => new DisplayedAgentState(DisplayedState.Paused, pauseCodeId),
            _ => Available,
        };
    }

    private static int Rank(MediumActivity activity) => activity.Activity switch
    {
        AgentActivity.Ringing => 0,
        AgentActivity.Busy when activity.Medium == Medium.Voice => 1,
        AgentActivity.WrapUp => 2,
        // A text slot reported as Busy is handling work all the same, so it shows as Chatting.
        AgentActivity.Chatting or AgentActivity.Busy => 3,
        AgentActivity.Reserved => 4,
        _ => int.MaxValue,
    };
}
