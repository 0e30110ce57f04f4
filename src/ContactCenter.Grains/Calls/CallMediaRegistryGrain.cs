using ContactCenter.Actors;
using ContactCenter.Contracts.Calls.Media;

namespace ContactCenter.Grains.Calls;

/// <summary>See <see cref="ICallMediaRegistry"/>. Kept in memory only: announcements are renewed often, so a new
/// activation learns every live front end again within one renewal period. A front end whose process the cluster
/// declares dead drops out at once rather than when its announcement lapses.</summary>
internal sealed class CallMediaRegistryGrain : Grain, ICallMediaRegistry
{
    private readonly Dictionary<string, Announcement> _frontEnds = new(StringComparer.Ordinal);
    private uint _turn;

    public Task AnnounceAsync(string frontEndId, ICallMedia media, string site, TimeSpan validFor)
    {
        ArgumentException.ThrowIfNullOrEmpty(frontEndId);
        ArgumentNullException.ThrowIfNull(media);
        WithdrawAsync(frontEndId);
        _frontEnds[frontEndId] = new Announcement(frontEndId, media, site, TimeProvider.GetUtcNow() + validFor,
            WatchObserver(media, () => WithdrawAsync(frontEndId)));
        return Task.CompletedTask;
    }

    public Task WithdrawAsync(string frontEndId)
    {
        if (_frontEnds.Remove(frontEndId, out var withdrawn))
        {
            withdrawn.Watch.Dispose();
        }
        return Task.CompletedTask;
    }

    public Task<ICallMedia?> PickAsync(string? site)
    {
        var now = TimeProvider.GetUtcNow();
        foreach (var lapsed in _frontEnds.Values.Where(a => a.Until <= now).ToArray())
        {
            _frontEnds.Remove(lapsed.FrontEndId);
            lapsed.Watch.Dispose();
        }
        var live = _frontEnds.Values.OrderBy(a => a.FrontEndId, StringComparer.Ordinal).ToArray();
        var local = live.Where(a => a.Site == site).ToArray();
        var candidates = local.Length > 0 ? local : live;
        return Task.FromResult(candidates.Length == 0 ? null : candidates[(int)(unchecked(_turn++) % (uint)candidates.Length)].Media);
    }

    private sealed record Announcement(string FrontEndId, ICallMedia Media, string Site, DateTimeOffset Until, IDisposable Watch);
}
