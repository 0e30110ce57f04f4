namespace ContactCenter.Contracts.Configuration;

/// <summary>What happens to an agent who misses too many offers (ROUTE-7).</summary>
public enum NoAnswerAction
{
    /// <summary>Pause the agent with <see cref="NoAnswerPolicy.PauseCodeId"/>.</summary>
    Pause,

    /// <summary>Log the agent out.</summary>
    LogOut,
}
