using ContactCenter.Actors;
using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ContactCenter.Grains.Agents;

/// <summary>Registration of the agent grain.</summary>
public static class AgentServiceCollectionExtensions
{
    /// <summary>Registers <see cref="IAgentGrain"/>, its serializer metadata and, unless one is registered already, an
    /// empty <see cref="InMemoryAgentConfiguration"/> as the configuration source. Silos and clients both call it; an
    /// agent tells its queues of every change, so silos also need <c>AddQueues()</c>.</summary>
    public static IServiceCollection AddAgents(this IServiceCollection services)
    {
        services.AddGrain<IAgentGrain, AgentGrain>();
        services.AddSerializerContext(AgentJsonContext.Default);
        services.AddSerializerContext(AgentGrainJsonContext.Default);
        services.TryAddSingleton<InMemoryAgentConfiguration>();
        services.TryAddSingleton<IAgentConfigurationSource>(sp => sp.GetRequiredService<InMemoryAgentConfiguration>());
        return services;
    }
}
