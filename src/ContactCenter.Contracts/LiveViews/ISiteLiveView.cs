using ContactCenter.Actors;

namespace ContactCenter.Contracts.LiveViews;

/// <summary>The live aggregate of a site (key: the site id, <see cref="Configuration.SiteSettings.SiteId"/> for the
/// whole contact center), fed from the queues' and agents' journals: it publishes a <see cref="SiteLiveStatus"/> on
/// <see cref="LiveStreams.Site"/> after every batch of changes, and answers <see cref="GetStatusAsync"/> for a snapshot
/// on (re)connect.</summary>
public interface ISiteLiveView : IJournalProjection
{
    /// <summary>The figures now (a new day shows zero counters even before its first event).</summary>
    [ReadOnly]
    Task<SiteLiveStatus> GetStatusAsync();
}
