using ContactCenter.Actors.Membership;

namespace ContactCenter.Actors.Observers;

/// <summary>Who waits for which process to die: activations watching an observer's process (a front end holding a
/// call's media, say) are told once the membership view declares that process dead. A watch fires at most once; one
/// added for a process already dead fires at once.</summary>
internal sealed class ProcessWatches
{
    private readonly MembershipService _membership;
    private readonly Lock _lock = new();
    private readonly Dictionary<SiloAddress, HashSet<Watch>> _byProcess = [];

    public ProcessWatches(MembershipService membership)
    {
        _membership = membership;
        membership.ViewChanged += OnViewChanged;
    }

    /// <summary>How many watches wait, over all processes.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _byProcess.Values.Sum(w => w.Count);
            }
        }
    }

    /// <summary>Calls <paramref name="onDead"/> once <paramref name="process"/> is declared dead (at once when it already
    /// is), unless the returned watch is removed first.</summary>
    public Watch Add(SiloAddress process, Action onDead)
    {
        ArgumentNullException.ThrowIfNull(process);
        ArgumentNullException.ThrowIfNull(onDead);
        var watch = new Watch(process, onDead);
        lock (_lock)
        {
            if (!_byProcess.TryGetValue(process, out var watches))
            {
                _byProcess[process] = watches = [];
            }
            watches.Add(watch);
        }
        // After adding: a view change between the check and the add would otherwise be missed.
        if (!_membership.MayBeAlive(process) && TryRemove(watch))
        {
            onDead();
        }
        return watch;
    }

    /// <summary>Stops a watch; false when it already fired or was removed.</summary>
    public bool TryRemove(Watch watch)
    {
        ArgumentNullException.ThrowIfNull(watch);
        lock (_lock)
        {
            if (!_byProcess.TryGetValue(watch.Process, out var watches) || !watches.Remove(watch))
            {
                return false;
            }
            if (watches.Count == 0)
            {
                _byProcess.Remove(watch.Process);
            }
            return true;
        }
    }

    private void OnViewChanged(MembershipView view)
    {
        List<Watch>? fired = null;
        lock (_lock)
        {
            foreach (var process in _byProcess.Keys.Where(view.IsDead).ToList())
            {
                (fired ??= []).AddRange(_byProcess[process]);
                _byProcess.Remove(process);
            }
        }
        foreach (var watch in fired ?? [])
        {
            watch.OnDead();
        }
    }

    /// <summary>One wait for one process (compared by reference: two watches of a process are two).</summary>
    internal sealed class Watch(SiloAddress process, Action onDead)
    {
        /// <summary>The watched process.</summary>
        public SiloAddress Process { get; } = process;

        /// <summary>What runs when it is declared dead.</summary>
        public Action OnDead { get; } = onDead;
    }
}
