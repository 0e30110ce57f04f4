namespace ContactCenter.Contracts.Agents;

/// <summary>An agent's persistent line as the agent grain knows it.</summary>
public enum AgentLineState
{
    /// <summary>No line: ring per call, logged out, or the line was lost (the agent is paused until it resumes).</summary>
    None,

    /// <summary>A front end is calling the agent's phone.</summary>
    Opening,

    /// <summary>The phone answered; offers are played into the line.</summary>
    Up,
}
