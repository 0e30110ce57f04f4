namespace ContactCenter.Contracts.Calls.Media;

/// <summary>How a supervisor joins a call (SUP-2).</summary>
public enum ListenInMode
{
    /// <summary>Hears both sides, is heard by nobody.</summary>
    Monitor,

    /// <summary>Hears both sides, is heard by the agent only.</summary>
    Whisper,

    /// <summary>Everybody hears everybody.</summary>
    Barge,
}
