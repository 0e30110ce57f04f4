using ContactCenter.Actors;
using ContactCenter.Contracts.Agents;
using ContactCenter.Grains.Agents;
using ContactCenter.Grains.Queues;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Grains.Routing;

/// <summary>Registration of routing between agents and queues.</summary>
public static class AgentRoutingServiceCollectionExtensions
{
    /// <summary>Registers agents and queues (<c>AddAgents()</c>, <c>AddQueues()</c>) and <see cref="IAgentRouterGrain"/>,
    /// and turns <see cref="AgentRoutingOptions.Enabled"/> on: agents tell their queues about queue log-ins and pull
    /// work when they become ready.</summary>
    public static IServiceCollection AddAgentRouting(this IServiceCollection services, Action<AgentRoutingOptions>? configure = null)
    {
        var options = new AgentRoutingOptions { Enabled = true };
        configure?.Invoke(options);
        services.AddSingleton(options);
        services.AddAgents();
        services.AddQueues();
        services.AddGrain<IAgentRouterGrain, AgentRouterGrain>();
        return services;
    }
}
