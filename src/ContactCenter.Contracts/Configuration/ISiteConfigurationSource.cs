namespace ContactCenter.Contracts.Configuration;

/// <summary>Where grains read the site's settings (<see cref="SiteSettings"/>, document <see cref="SiteSettings.SiteId"/>).
/// The document store implements it; a value read is the current version.</summary>
public interface ISiteConfigurationSource
{
    /// <summary>The site's settings; the defaults when the document does not exist.</summary>
    Task<SiteSettings> GetSiteSettingsAsync(CancellationToken cancellationToken = default);
}
