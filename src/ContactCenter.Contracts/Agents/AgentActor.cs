namespace ContactCenter.Contracts.Agents;

/// <summary>Who asks for an agent change; the agent's own requests are bound by the profile's self-service flags
/// (AGENT-2), a supervisor's and the system's are not.</summary>
public enum AgentActor
{
    /// <summary>The agent, from the workspace or the phone.</summary>
    Agent,

    /// <summary>A supervisor or an administrator.</summary>
    Supervisor,

    /// <summary>The platform itself (automatic log-in, no-answer policy).</summary>
    System,
}
