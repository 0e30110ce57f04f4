namespace ContactCenter.Contracts.Calls.Media;

/// <summary>Why ringing an agent ended without an answer.</summary>
public enum AgentLegFailure
{
    /// <summary>It rang out (the front end's ring timeout, or 408/480 from the phone).</summary>
    NoAnswer,

    /// <summary>The phone is busy (486).</summary>
    Busy,

    /// <summary>The agent declined (603, or the decline button).</summary>
    Declined,

    /// <summary>No registered phone, or the phone could not be reached.</summary>
    Unreachable,
}
