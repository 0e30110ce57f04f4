using System.Text.Json.Serialization.Metadata;
using ContactCenter.Actors.InMemory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ContactCenter.Actors;

/// <summary>Registration of the runtime's parts in a service collection.</summary>
public static class ActorServiceCollectionExtensions
{
    /// <summary>Sets the runtime options (site, endpoint, timeouts, membership timing).</summary>
    public static IServiceCollection ConfigureActorRuntime(this IServiceCollection services, Action<ActorRuntimeOptions> configure) =>
        services.Configure(configure);

    public static IServiceCollection AddGrain<TInterface, TImplementation>(this IServiceCollection services)
        where TInterface : IGrainWithStringKey
        where TImplementation : Grain, TInterface =>
        services.AddSingleton(new GrainRegistration(typeof(TInterface), typeof(TImplementation)));

    /// <summary>Registers every concrete grain class in <paramref name="assembly"/> under each grain interface it adds to
    /// its base class (system interfaces such as <see cref="IRemindable"/> excluded).</summary>
    public static IServiceCollection AddGrainsFrom(this IServiceCollection services, System.Reflection.Assembly assembly)
    {
        foreach (var type in assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(Grain).IsAssignableFrom(t)))
        {
            var inherited = type.BaseType?.GetInterfaces() ?? [];
            foreach (var grainInterface in type.GetInterfaces().Except(inherited).Where(i =>
                         typeof(IGrainWithStringKey).IsAssignableFrom(i) && i != typeof(IGrainWithStringKey) &&
                         i.Assembly != typeof(IGrain).Assembly))
            {
                services.AddSingleton(new GrainRegistration(grainInterface, type));
            }
        }
        return services;
    }

    /// <summary>Adds source-generated serializer metadata for application types (arguments, results, state, events).</summary>
    public static IServiceCollection AddSerializerContext(this IServiceCollection services, IJsonTypeInfoResolver context) =>
        services.AddSingleton(new SerializerContextRegistration(context));

    /// <summary>Uses the in-memory providers of <paramref name="storage"/> (shared by every silo and client in this
    /// process: a single node, or an in-process test cluster).</summary>
    public static IServiceCollection AddInMemoryActorProviders(this IServiceCollection services, InMemoryClusterStorage storage)
    {
        services.TryAddSingleton<IMembershipTable>(storage.Membership);
        services.TryAddSingleton<IGrainDirectory>(storage.Directory);
        services.TryAddSingleton<IGrainStateStorage>(storage.State);
        services.TryAddSingleton<IEventJournal>(storage.Journal);
        services.TryAddSingleton<IReminderTable>(storage.Reminders);
        return services;
    }
}
