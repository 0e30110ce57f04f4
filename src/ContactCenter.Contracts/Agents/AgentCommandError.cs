namespace ContactCenter.Contracts.Agents;

/// <summary>Why an agent command was refused; a refused command changes nothing.</summary>
public enum AgentCommandError
{
    /// <summary>The agent has no profile in the configuration.</summary>
    ProfileNotFound,

    /// <summary>The command needs a logged-in agent.</summary>
    NotLoggedIn,

    /// <summary>Log-out is refused while work other than wrap-up is in progress.</summary>
    WorkInProgress,

    /// <summary>The pause code does not exist.</summary>
    UnknownPauseCode,

    /// <summary>The queue is not one of the agent's profile queues.</summary>
    NotAMemberOfQueue,

    /// <summary>The profile forbids the agent to log in to or out of this queue themselves.</summary>
    SelfServiceForbidden,

    /// <summary>No slot of the agent holds this work.</summary>
    UnknownWork,

    /// <summary>The work is in an activity from which the command does not lead anywhere (e.g. answer while busy).</summary>
    InvalidTransition,

    /// <summary>The request itself is malformed (empty id, negative time).</summary>
    InvalidRequest,
}
