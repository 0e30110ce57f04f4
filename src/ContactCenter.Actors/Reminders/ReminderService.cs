using System.Collections.Concurrent;
using ContactCenter.Actors.Diagnostics;
using ContactCenter.Actors.Hosting;
using ContactCenter.Actors.Membership;

namespace ContactCenter.Actors.Reminders;

/// <summary>Fires the durable reminders of this silo's range of the ring of active silos. The range moves when the
/// membership view changes, so a dead silo's reminders are picked up by its ring successor.</summary>
internal sealed class ReminderService : IDisposable
{
    private readonly ActorRuntime _runtime;
    private readonly ConcurrentDictionary<(GrainId, string), ReminderState> _owned = new();
    private ITimer? _timer;
    private int _polling;
    private long _lastRefresh;
    private volatile bool _rangeChanged = true;

    public ReminderService(ActorRuntime runtime)
    {
        _runtime = runtime;
        runtime.Membership.ViewChanged += _ => _rangeChanged = true;
    }

    public void Start()
    {
        var period = _runtime.Options.ReminderPollPeriod;
        _timer = _runtime.TimeProvider.CreateTimer(static s => ((ReminderService)s!).Poll(), this, period, period);
    }

    public void Dispose() => _timer?.Dispose();

    public async Task<IGrainReminder> RegisterOrUpdateAsync(GrainId grain, string name, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (period < _runtime.Options.MinimumReminderPeriod)
        {
            throw new ArgumentOutOfRangeException(
                nameof(period), period, $"reminder periods must be at least {_runtime.Options.MinimumReminderPeriod}");
        }
        _runtime.Registry.EnsureRemindable(grain.Type);
        var entry = new ReminderEntry(grain, name, _runtime.TimeProvider.GetUtcNow() + dueTime, period, 0);
        var stored = await _runtime.ReminderTable.UpsertAsync(entry).ConfigureAwait(false);
        _rangeChanged = true;
        return stored;
    }

    public async Task UnregisterAsync(GrainId grain, IGrainReminder reminder)
    {
        await _runtime.ReminderTable.RemoveAsync(grain, reminder.ReminderName).ConfigureAwait(false);
        _owned.TryRemove((grain, reminder.ReminderName), out _);
    }

    public async Task<IGrainReminder?> GetAsync(GrainId grain, string name) =>
        await _runtime.ReminderTable.ReadAsync(grain, name).ConfigureAwait(false);

    private void Poll()
    {
        if (Interlocked.Exchange(ref _polling, 1) == 0)
        {
            _ = PollAsync();
        }
    }

    private async Task PollAsync()
    {
        try
        {
            if (_rangeChanged ||
                _runtime.TimeProvider.GetElapsedTime(_lastRefresh) >= _runtime.Options.ReminderRefreshPeriod)
            {
                _rangeChanged = false;
                _lastRefresh = _runtime.TimeProvider.GetTimestamp();
                await RefreshAsync().ConfigureAwait(false);
            }
            var now = _runtime.TimeProvider.GetUtcNow();
            foreach (var state in _owned.Values)
            {
                if (state.NextDue(now) is { } tick)
                {
                    Fire(state, tick);
                }
            }
        }
        catch (Exception exception)
        {
            _runtime.Log.ReminderReadFailed(exception);
        }
        finally
        {
            Volatile.Write(ref _polling, 0);
        }
    }

    private async Task RefreshAsync()
    {
        var view = _runtime.Membership.View;
        if (!view.IsActiveSilo(_runtime.Address))
        {
            _owned.Clear();
            return;
        }
        var (begin, end) = RingRange(view);
        var entries = await _runtime.ReminderTable.ReadRangeAsync(begin, end).ConfigureAwait(false);
        var seen = new HashSet<(GrainId, string)>();
        foreach (var entry in entries)
        {
            var key = (entry.GrainId, entry.Name);
            seen.Add(key);
            _owned.AddOrUpdate(key, _ => new ReminderState(entry), (_, existing) => existing.Update(entry));
        }
        foreach (var key in _owned.Keys)
        {
            if (!seen.Contains(key))
            {
                _owned.TryRemove(key, out _);
            }
        }
    }

    /// <summary>Whether this silo fires <paramref name="grain"/>'s reminders under the current view.</summary>
    public bool Owns(GrainId grain)
    {
        var view = _runtime.Membership.View;
        if (!view.IsActiveSilo(_runtime.Address))
        {
            return false;
        }
        var (begin, end) = RingRange(view);
        return ReminderRing.InRange(grain.StableHash(), begin, end);
    }

    /// <summary>This silo's range: from its predecessor's hash (exclusive) to its own (inclusive).</summary>
    private (uint Begin, uint End) RingRange(MembershipView view)
    {
        var hashes = view.ActiveSilos.Select(s => StableHashing.Fnv1a32(s.ToString())).Order().ToArray();
        var mine = StableHashing.Fnv1a32(_runtime.Address.ToString());
        var index = Array.IndexOf(hashes, mine);
        var predecessor = hashes[(index - 1 + hashes.Length) % hashes.Length];
        return (predecessor, mine);
    }

    private void Fire(ReminderState state, DateTimeOffset tick)
    {
        var entry = state.Entry;
        var grain = _runtime.GetReference<IRemindable>(entry.GrainId);
        grain.ReceiveReminder(entry.Name, new TickStatus(entry.StartAt, entry.Period, tick)).ContinueWith(
            static (t, s) =>
            {
                var (runtime, entry) = ((ActorRuntime, ReminderEntry))s!;
                runtime.Log.ReminderFailed(entry.Name, entry.GrainId, t.Exception!.GetBaseException());
            },
            (_runtime, entry),
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted,
            TaskScheduler.Default);
    }

    /// <summary>The in-memory side of one owned reminder: which tick fired last.</summary>
    private sealed class ReminderState(ReminderEntry entry)
    {
        private DateTimeOffset? _lastFired;

        public ReminderEntry Entry { get; private set; } = entry;

        public ReminderState Update(ReminderEntry entry)
        {
            if (entry.Version != Entry.Version)
            {
                Entry = entry;
                _lastFired = null;
            }
            return this;
        }

        /// <summary>The latest tick at or before <paramref name="now"/> that has not fired here yet.</summary>
        public DateTimeOffset? NextDue(DateTimeOffset now)
        {
            if (now < Entry.StartAt)
            {
                return null;
            }
            var ticks = (now - Entry.StartAt).Ticks / Entry.Period.Ticks;
            var due = Entry.StartAt + TimeSpan.FromTicks(ticks * Entry.Period.Ticks);
            if (_lastFired is { } last && due <= last)
            {
                return null;
            }
            _lastFired = due;
            return due;
        }
    }
}
