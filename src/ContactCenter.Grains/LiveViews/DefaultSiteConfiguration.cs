using ContactCenter.Contracts.Configuration;

namespace ContactCenter.Grains.LiveViews;

/// <summary>The site settings when no document store is registered: the defaults (UTC).</summary>
internal sealed class DefaultSiteConfiguration : ISiteConfigurationSource
{
    public Task<SiteSettings> GetSiteSettingsAsync(CancellationToken cancellationToken = default) => Task.FromResult(new SiteSettings());
}
