namespace ContactCenter.Contracts.Agents;

/// <summary>What one capacity slot of an agent is doing.</summary>
public enum AgentActivity
{
    /// <summary>Reserved for an offer that is being set up (the arbiter granted the slot).</summary>
    Reserved,

    /// <summary>An offer rings at the agent.</summary>
    Ringing,

    /// <summary>In a voice conversation.</summary>
    Busy,

    /// <summary>After-call work.</summary>
    WrapUp,

    /// <summary>Handling a chat or another text interaction.</summary>
    Chatting,
}
