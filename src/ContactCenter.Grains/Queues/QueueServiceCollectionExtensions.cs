using ContactCenter.Actors;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.Queues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ContactCenter.Grains.Queues;

/// <summary>Registration of the queue grain.</summary>
public static class QueueServiceCollectionExtensions
{
    /// <summary>Registers <see cref="IQueueGrain"/>, its serializer metadata and, unless one is registered already, an
    /// empty <see cref="InMemoryQueueConfiguration"/> as the configuration source. Silos and clients both call it; the
    /// queue calls agents, so silos also need <c>AddAgents()</c>.</summary>
    public static IServiceCollection AddQueues(this IServiceCollection services)
    {
        services.AddGrain<IQueueGrain, QueueGrain>();
        services.AddSerializerContext(QueueJsonContext.Default);
        services.AddSerializerContext(QueueGrainJsonContext.Default);
        services.TryAddSingleton<InMemoryQueueConfiguration>();
        services.TryAddSingleton<IQueueConfigurationSource>(sp => sp.GetRequiredService<InMemoryQueueConfiguration>());
        return services;
    }
}
