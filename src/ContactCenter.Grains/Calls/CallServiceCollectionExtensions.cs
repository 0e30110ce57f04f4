using ContactCenter.Actors;
using ContactCenter.Contracts.Calls;
using ContactCenter.Grains.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Grains.Calls;

/// <summary>Registration of the call grain.</summary>
public static class CallServiceCollectionExtensions
{
    /// <summary>Registers <see cref="ICallGrain"/> and its serializer metadata, with agent routing (agents, queues and
    /// their routers), which calls need. Silos, clients and front ends call it.</summary>
    public static IServiceCollection AddCalls(this IServiceCollection services)
    {
        services.AddAgentRouting();
        services.AddGrain<ICallGrain, CallGrain>();
        services.AddSerializerContext(CallJsonContext.Default);
        services.AddSerializerContext(CallGrainJsonContext.Default);
        return services;
    }
}
