using System.Collections.Concurrent;
using ContactCenter.Actors.Hosting;
using ContactCenter.Actors.Membership;

namespace ContactCenter.Actors.Directory;

/// <summary>Where to send a grain's calls: a cache of directory rows (dropped when their silo leaves the view or a silo
/// answers "moved"), then the directory, then placement for grains that have no live owner.</summary>
internal sealed class GrainLocator
{
    private readonly ActorRuntime _runtime;
    private readonly ConcurrentDictionary<GrainId, SiloAddress> _cache = new();

    public GrainLocator(ActorRuntime runtime)
    {
        _runtime = runtime;
        runtime.Membership.ViewChanged += OnViewChanged;
    }

    public ValueTask<SiloAddress> ResolveAsync(GrainId grain)
    {
        if (_cache.TryGetValue(grain, out var cached) && _runtime.Membership.View.IsActiveSilo(cached))
        {
            return ValueTask.FromResult(cached);
        }
        return new ValueTask<SiloAddress>(LookupAsync(grain));
    }

    /// <summary>A silo said the grain is not there; <paramref name="to"/> is where it is, when it said.</summary>
    public void Moved(GrainId grain, SiloAddress from, SiloAddress? to)
    {
        if (to is not null)
        {
            _cache[grain] = to;
        }
        else
        {
            _cache.TryRemove(new KeyValuePair<GrainId, SiloAddress>(grain, from));
        }
    }

    public void Clear() => _cache.Clear();

    private async Task<SiloAddress> LookupAsync(GrainId grain)
    {
        var owner = await _runtime.Directory.LookupAsync(grain).ConfigureAwait(false);
        if (owner is not null && !_runtime.Membership.View.IsActiveSilo(owner) && _runtime.Membership.MayBeAlive(owner))
        {
            // The directory names a silo this view has never seen: it joined after the view was read. Read the view
            // again rather than placing the grain elsewhere, where the claim would lose to that owner and send the call
            // round in a loop until the next heartbeat.
            await _runtime.Membership.TryRefreshAsync(TimeSpan.Zero).ConfigureAwait(false);
        }
        var view = _runtime.Membership.View;
        if (owner is not null && view.IsActiveSilo(owner))
        {
            _cache[grain] = owner;
            return owner;
        }
        // No live owner when the directory was read. A call may have learned the real one since — a silo that lost the
        // claim answered "moved" while this lookup was in flight — and that beats a placement made without it:
        // overwriting it would send this call, and every call after it, to a silo that just lost the claim, round and
        // round while lookups that started before the claim keep landing.
        var placed = Place(grain, view);
        return _cache.AddOrUpdate(grain, placed, (_, known) => _runtime.Membership.View.IsActiveSilo(known) ? known : placed);
    }

    /// <summary>Interaction grains start where the call came in; long-lived grains spread by a stable hash.</summary>
    private SiloAddress Place(GrainId grain, MembershipView view)
    {
        var silos = view.ActiveSilos;
        if (silos.Count == 0)
        {
            throw new SiloUnavailableException($"no active silo to place {grain} on");
        }
        if (_runtime.Registry.PrefersLocalPlacement(grain.Type))
        {
            if (_runtime.Catalog is not null && view.IsActiveSilo(_runtime.Address))
            {
                return _runtime.Address;
            }
            var sameSite = silos.Where(s => view[s]?.Site == _runtime.Options.Site).ToArray();
            if (sameSite.Length > 0)
            {
                return sameSite[Random.Shared.Next(sameSite.Length)];
            }
        }
        return silos[(int)(grain.StableHash() % (uint)silos.Count)];
    }

    private void OnViewChanged(MembershipView view)
    {
        foreach (var (grain, silo) in _cache)
        {
            if (!view.IsActiveSilo(silo))
            {
                _cache.TryRemove(new KeyValuePair<GrainId, SiloAddress>(grain, silo));
            }
        }
    }
}
