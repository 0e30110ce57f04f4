using ContactCenter.Actors;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.LiveViews;
using ContactCenter.Web.Live;
using ContactCenter.Web.Security;
using Microsoft.AspNetCore.Authorization;

namespace ContactCenter.Web.Hubs;

/// <summary>The wallboard (SUP-5): the site aggregate. On connect the client asks <see cref="GetSiteAsync"/> for a
/// snapshot and then receives <see cref="LiveTopics.Site"/> updates; after a gap it asks again.</summary>
[Authorize(Policy = Policies.Wallboard)]
public sealed class WallboardHub(LiveAudience audience, IGrainFactory grains) : LiveHub<WallboardHub>(audience)
{
    /// <summary>Where the hub is mapped.</summary>
    public const string Path = "/hubs/wallboard";

    private static readonly HashSet<string> Subscribed = [LiveTopics.Site];

    protected override IReadOnlySet<string> Topics => Subscribed;

    /// <summary>The site's figures now (updates with a higher <see cref="SiteLiveStatus.Position"/> are newer).</summary>
    public Task<SiteLiveStatus> GetSiteAsync() => grains.GetGrain<ISiteLiveView>(SiteSettings.SiteId).GetStatusAsync();
}
