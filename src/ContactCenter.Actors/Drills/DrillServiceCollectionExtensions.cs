using ContactCenter.Actors.Drills;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Actors;

/// <summary>Registration of the failover drill (ops/drill/kill-silo.sh, ops/RUNBOOK.md).</summary>
public static class DrillServiceCollectionExtensions
{
    /// <summary>Registers <see cref="IDrillGrain"/> and its serializer metadata; silos and the drill's client both
    /// call it. <paramref name="configure"/> sets where a silo records activations.</summary>
    public static IServiceCollection AddFailoverDrill(this IServiceCollection services, Action<DrillOptions>? configure = null)
    {
        services.AddGrain<IDrillGrain, DrillGrain>();
        services.AddSerializerContext(DrillJsonContext.Default);
        services.AddSingleton<DrillActivationLog>();
        if (configure is not null)
        {
            services.Configure(configure);
        }
        return services;
    }
}
