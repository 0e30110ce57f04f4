namespace ContactCenter.Contracts.Agents;

/// <summary>An agent's presence, set by the agent, a supervisor or a policy; activities come on top of it.</summary>
public enum Presence
{
    /// <summary>Not logged in; receives nothing.</summary>
    LoggedOut,

    /// <summary>Logged in and not paused: may receive offers within capacity.</summary>
    Available,

    /// <summary>Logged in but paused with a reason; receives no new offers.</summary>
    Paused,
}
