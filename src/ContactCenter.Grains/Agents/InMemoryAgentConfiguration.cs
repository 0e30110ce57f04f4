using System.Collections.Concurrent;
using ContactCenter.Contracts.Configuration;

namespace ContactCenter.Grains.Agents;

/// <summary>Agent profiles, pause codes and no-answer policies held in memory: the single-node demo's and the tests' configuration
/// source. Thread-safe; a value put replaces the previous one at once.</summary>
public sealed class InMemoryAgentConfiguration : IAgentConfigurationSource
{
    private readonly ConcurrentDictionary<string, AgentProfile> _profiles = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, PauseCode> _pauseCodes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, NoAnswerPolicy> _noAnswerPolicies = new(StringComparer.Ordinal);

    /// <summary>The site default no-answer policy for agents whose profile names none; null (default) = off.</summary>
    public NoAnswerPolicy? DefaultNoAnswerPolicy { get; set; }

    /// <summary>Adds or replaces a profile.</summary>
    public void Put(AgentProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        _profiles[profile.Id] = profile;
    }

    /// <summary>Adds or replaces a pause code.</summary>
    public void Put(PauseCode pauseCode)
    {
        ArgumentNullException.ThrowIfNull(pauseCode);
        _pauseCodes[pauseCode.Id] = pauseCode;
    }

    /// <summary>Adds or replaces a no-answer policy.</summary>
    public void Put(NoAnswerPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        _noAnswerPolicies[policy.Id] = policy;
    }

    /// <inheritdoc />
    public Task<AgentProfile?> GetAgentProfileAsync(string agentId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_profiles.GetValueOrDefault(agentId));

    /// <inheritdoc />
    public Task<PauseCode?> GetPauseCodeAsync(string pauseCodeId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_pauseCodes.GetValueOrDefault(pauseCodeId));

    /// <inheritdoc />
    /// <remarks>A profile naming a policy that does not exist gets the default, so a dangling id never switches the
    /// policy off silently for one agent only.</remarks>
    public Task<NoAnswerPolicy?> GetNoAnswerPolicyAsync(string agentId, CancellationToken cancellationToken = default)
    {
        var policyId = _profiles.GetValueOrDefault(agentId)?.NoAnswerPolicyId;
        var policy = policyId is null ? null : _noAnswerPolicies.GetValueOrDefault(policyId);
        return Task.FromResult(policy ?? DefaultNoAnswerPolicy);
    }
}
