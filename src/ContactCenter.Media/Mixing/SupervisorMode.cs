namespace ContactCenter.Media.Mixing;

/// <summary>How a supervisor joins an agent's call.</summary>
public enum SupervisorMode
{
    /// <summary>Silent monitoring: the supervisor hears caller and agent; nobody hears the supervisor.</summary>
    Monitor,

    /// <summary>Coaching: the supervisor hears both and the agent hears the supervisor; the caller does not.</summary>
    Whisper,

    /// <summary>Barge-in: a three-way conference, everyone hears everyone else.</summary>
    Barge,
}
