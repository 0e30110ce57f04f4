using ContactCenter.Actors;
using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Calls.Media;
using ContactCenter.Contracts.Ivr;
using ContactCenter.Grains.Ivr;
using ContactCenter.Grains.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ContactCenter.Grains.Calls;

/// <summary>Registration of the call grain.</summary>
public static class CallServiceCollectionExtensions
{
    /// <summary>Registers <see cref="ICallGrain"/>, the front ends' <see cref="ICallMediaRegistry"/> and their serializer metadata, with agent routing (agents, queues and
    /// their routers), which calls need, and, unless registered already, the IVR's tree source
    /// (<see cref="InMemoryIvrTrees"/>, empty) and services (<see cref="InMemoryIvrServices"/>: no announcement active,
    /// lookups fail); a host replaces them with the document store's trees and its HTTP and storage services. Silos,
    /// clients and front ends call it.</summary>
    public static IServiceCollection AddCalls(this IServiceCollection services)
    {
        services.AddAgentRouting();
        services.AddGrain<ICallGrain, CallGrain>();
        services.AddGrain<ICallMediaRegistry, CallMediaRegistryGrain>();
        services.AddSerializerContext(CallJsonContext.Default);
        services.AddSerializerContext(CallGrainJsonContext.Default);
        services.TryAddSingleton<InMemoryIvrTrees>();
        services.TryAddSingleton<IIvrTreeSource>(sp => sp.GetRequiredService<InMemoryIvrTrees>());
        services.TryAddSingleton<InMemoryIvrServices>();
        services.TryAddSingleton<IIvrServices>(sp => sp.GetRequiredService<InMemoryIvrServices>());
        return services;
    }
}
