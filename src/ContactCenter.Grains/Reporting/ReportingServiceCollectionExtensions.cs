using ContactCenter.Actors;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.LiveViews;
using ContactCenter.Contracts.Reporting;
using ContactCenter.Grains.LiveViews;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ContactCenter.Grains.Reporting;

/// <summary>Registration of the journal projections: interaction facts and the sites' live aggregates.</summary>
public static class ReportingServiceCollectionExtensions
{
    /// <summary>Registers <see cref="IInteractionFactsProjection"/> and <see cref="ISiteLiveView"/>; silos also need an
    /// <see cref="IInteractionFactStore"/> (in memory or PostgreSQL, from the storage module) and read the site's time
    /// zone from an <see cref="ISiteConfigurationSource"/> (the defaults unless the document store provides one).</summary>
    public static IServiceCollection AddJournalProjections(this IServiceCollection services)
    {
        services.AddGrain<IInteractionFactsProjection, InteractionFactsProjectionGrain>();
        services.AddGrain<ISiteLiveView, SiteLiveViewGrain>();
        services.AddSerializerContext(LiveViewJsonContext.Default);
        services.TryAddSingleton<ISiteConfigurationSource, DefaultSiteConfiguration>();
        return services;
    }
}
