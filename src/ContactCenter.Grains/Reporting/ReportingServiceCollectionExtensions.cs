using ContactCenter.Actors;
using ContactCenter.Contracts.Reporting;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Grains.Reporting;

/// <summary>Registration of the reporting projections.</summary>
public static class ReportingServiceCollectionExtensions
{
    /// <summary>Registers <see cref="IInteractionFactsProjection"/>; silos also need an <see cref="IInteractionFactStore"/>
    /// (in memory or PostgreSQL, from the storage module).</summary>
    public static IServiceCollection AddReportingProjections(this IServiceCollection services)
    {
        services.AddGrain<IInteractionFactsProjection, InteractionFactsProjectionGrain>();
        return services;
    }
}
