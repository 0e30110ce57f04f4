using System.Collections.Concurrent;
using ContactCenter.Contracts.Configuration;

namespace ContactCenter.Grains.Agents;

/// <summary>Agent profiles and pause codes held in memory: the single-node demo's and the tests' configuration
/// source. Thread-safe; a value put replaces the previous one at once.</summary>
public sealed class InMemoryAgentConfiguration : IAgentConfigurationSource
{
    private readonly ConcurrentDictionary<string, AgentProfile> _profiles = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, PauseCode> _pauseCodes = new(StringComparer.Ordinal);

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

    /// <inheritdoc />
    public Task<AgentProfile?> GetAgentProfileAsync(string agentId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_profiles.GetValueOrDefault(agentId));

    /// <inheritdoc />
    public Task<PauseCode?> GetPauseCodeAsync(string pauseCodeId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_pauseCodes.GetValueOrDefault(pauseCodeId));
}
