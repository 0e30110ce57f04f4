namespace ContactCenter.Contracts.Calls;

/// <summary>Why a call command was refused; a refused command changes nothing.</summary>
public enum CallCommandError
{
    /// <summary>The request is malformed (empty id, text too long).</summary>
    InvalidRequest,

    /// <summary>The call already started (a second arrival or dial with the same id).</summary>
    AlreadyStarted,

    /// <summary>The call has not started.</summary>
    NotStarted,

    /// <summary>The command does not fit the call's phase.</summary>
    InvalidPhase,

    /// <summary>The agent named is not the call's agent.</summary>
    NotTheCallsAgent,

    /// <summary>The agent refused to take the call (not available, at capacity).</summary>
    AgentRefused,

    /// <summary>The telephony the command needs is not running (no SIP front end to place a call).</summary>
    Unavailable,
}
