namespace ContactCenter.Contracts.Configuration;

/// <summary>Where the agent grain reads the configuration documents it depends on: its profile, the pause codes and
/// its no-answer policy.
/// The document store implements it; a value read is the current version of the document.</summary>
public interface IAgentConfigurationSource
{
    /// <summary>The agent's profile, or null when there is none.</summary>
    Task<AgentProfile?> GetAgentProfileAsync(string agentId, CancellationToken cancellationToken = default);

    /// <summary>The pause code, or null when it does not exist.</summary>
    Task<PauseCode?> GetPauseCodeAsync(string pauseCodeId, CancellationToken cancellationToken = default);

    /// <summary>The no-answer policy applying to the agent: the one its profile names
    /// (<see cref="AgentProfile.NoAnswerPolicyId"/>), else the site default; null when none applies (the policy is off
    /// and misses are only counted).</summary>
    Task<NoAnswerPolicy?> GetNoAnswerPolicyAsync(string agentId, CancellationToken cancellationToken = default);
}
