namespace ContactCenter.Contracts.Agents;

/// <summary>The one state shown for an agent (SUP-1, AGENT-3), derived by <see cref="AgentStateRules.Display"/>.</summary>
public enum DisplayedState
{
    /// <summary>Not logged in.</summary>
    LoggedOut,

    /// <summary>An offer rings.</summary>
    Ringing,

    /// <summary>In a voice call.</summary>
    Busy,

    /// <summary>After-call work.</summary>
    WrapUp,

    /// <summary>Handling chats.</summary>
    Chatting,

    /// <summary>An offer is being set up.</summary>
    Reserved,

    /// <summary>Paused with a reason.</summary>
    Paused,

    /// <summary>Logged in, idle, ready.</summary>
    Available,
}
