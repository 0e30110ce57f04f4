using ContactCenter.Actors.Diagnostics;
using ContactCenter.Actors.Hosting;

namespace ContactCenter.Actors.Membership;

/// <summary>This process's membership: renews its lease, keeps the cluster view, fences itself when it cannot renew
/// in time, and votes silent silos dead — only while it has itself held a fresh lease for a full SuspectAfter, so that
/// a database outage seen by everyone at once kills nobody.</summary>
internal sealed class MembershipService : IDisposable
{
    private readonly ActorRuntime _runtime;
    private readonly MembershipOptions _options;
    private readonly MemberKind _kind;
    private volatile MembershipView _view = MembershipView.Empty;
    private TaskCompletionSource _nextView = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ITimer? _timer;
    private Task? _refresh;
    private readonly Lock _fenceLock = new();
    private long _lastRead;
    private long _lastRenewalSent;
    private long _freshSince;
    private int _heartbeatRunning;
    private volatile bool _fenced;
    private volatile bool _stopped;

    public MembershipService(ActorRuntime runtime, MemberKind kind)
    {
        _runtime = runtime;
        _kind = kind;
        _options = runtime.Options.Membership;
    }

    /// <summary>Raised (on a timer thread) after the view changed.</summary>
    public event Action<MembershipView>? ViewChanged;

    /// <summary>Raised when the cluster declared this process dead.</summary>
    public event Action? DeclaredDead;

    public MembershipView View => _view;

    public bool IsFenced => _fenced;

    /// <summary>Completes the next time the view changes.</summary>
    public Task NextViewAsync() => Volatile.Read(ref _nextView).Task;

    /// <summary>False only for processes the view knows to be dead (or gone from the table after being seen).</summary>
    public bool MayBeAlive(SiloAddress address) => _view.MayBeAlive(address);

    public async Task JoinAsync(CancellationToken cancellationToken)
    {
        var sent = _runtime.TimeProvider.GetTimestamp();
        await _runtime.MembershipTable.JoinAsync(_runtime.Address, _kind, _runtime.Options.Site, cancellationToken)
            .ConfigureAwait(false);
        _lastRenewalSent = sent;
        _freshSince = sent;
        await RefreshAsync(cancellationToken).ConfigureAwait(false);
        _timer = _runtime.TimeProvider.CreateTimer(
            static s => ((MembershipService)s!).Tick(), this, _options.HeartbeatPeriod, _options.HeartbeatPeriod);
    }

    /// <summary>How often calls waiting for an unreachable silo to be declared dead re-read the view: a quarter of
    /// the heartbeat period.</summary>
    public TimeSpan SuspectPollPeriod => _options.HeartbeatPeriod / 4;

    /// <summary>Re-reads the table now, after a change of this process's own (a join, a leave, a vote).</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var snapshot = await _runtime.MembershipTable.ReadAsync(cancellationToken).ConfigureAwait(false);
        Apply(snapshot);
    }

    /// <summary>Re-reads the table unless the view was read within <paramref name="maxAge"/>, for calls that found the
    /// view out of date (a silo unreachable, or one the view has never seen). Callers that arrive while such a read is
    /// in flight share it: hundreds of calls failing at once against a dead silo cost one read, not hundreds of
    /// membership connections. A failed read is logged and the caller goes on with the view it has.</summary>
    public async Task TryRefreshAsync(TimeSpan maxAge)
    {
        try
        {
            await RefreshAsync(maxAge).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            _runtime.Log.HeartbeatFailed(exception);
        }
    }

    private Task RefreshAsync(TimeSpan maxAge)
    {
        if (_runtime.TimeProvider.GetElapsedTime(Volatile.Read(ref _lastRead)) < maxAge)
        {
            return Task.CompletedTask;
        }
        while (true)
        {
            var running = Volatile.Read(ref _refresh);
            if (running is not null)
            {
                return running;
            }
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (Interlocked.CompareExchange(ref _refresh, started.Task, null) is null)
            {
                _ = ReadIntoAsync(started);
                return started.Task;
            }
        }
    }

    private async Task ReadIntoAsync(TaskCompletionSource refresh)
    {
        try
        {
            using var timeout = new CancellationTokenSource(_options.LeaseDuration, _runtime.TimeProvider);
            Apply(await _runtime.MembershipTable.ReadAsync(timeout.Token).ConfigureAwait(false));
            Volatile.Write(ref _refresh, null);
            refresh.SetResult();
        }
        catch (Exception exception)
        {
            Volatile.Write(ref _refresh, null);
            refresh.SetException(exception);
        }
    }

    /// <summary>A broken connection may mean a dead peer: look at the table early. This never shortens the wait before a
    /// takeover — the vote still needs the peer's heartbeat to be older than SuspectAfter.</summary>
    public void OnConnectionLost(SiloAddress peer)
    {
        if (!_stopped && _timer is not null)
        {
            StartHeartbeat();
        }
    }

    /// <summary>After this process was declared dead: join again (the runtime has taken a new generation), retrying
    /// every heartbeat period while the table cannot be reached.</summary>
    public async Task RejoinAsync(Func<bool> stillWanted)
    {
        _view = MembershipView.Empty;
        _fenced = false;
        _stopped = false;
        while (stillWanted())
        {
            try
            {
                await JoinAsync(CancellationToken.None).ConfigureAwait(false);
                return;
            }
            catch (Exception exception)
            {
                _runtime.Log.HeartbeatFailed(exception);
                await Task.Delay(_options.HeartbeatPeriod, _runtime.TimeProvider).ConfigureAwait(false);
            }
        }
    }

    public async Task LeaveAsync(MemberStatus status, CancellationToken cancellationToken)
    {
        await _runtime.MembershipTable.SetStatusAsync(_runtime.Address, status, cancellationToken).ConfigureAwait(false);
        if (status == MemberStatus.Dead)
        {
            Stop();
        }
    }

    public void Stop()
    {
        _stopped = true;
        _timer?.Dispose();
    }

    public void Dispose() => Stop();

    private void Tick()
    {
        if (_stopped)
        {
            return;
        }
        CheckLease(renew: false);
        StartHeartbeat();
    }

    private void StartHeartbeat()
    {
        if (Interlocked.Exchange(ref _heartbeatRunning, 1) == 0)
        {
            _ = HeartbeatAsync();
        }
    }

    /// <summary>True when this silo is fenced, fencing it first if its lease has just run out. The catalog asks before
    /// every turn, so no grain code runs past the lease even when the heartbeat timer is starved (a saturated thread
    /// pool delays timers, not the turns that saturate it) — the cluster may take the grains over once SuspectAfter has
    /// passed, whether or not this silo's timer got to run.</summary>
    public bool CheckLease() => CheckLease(renew: true);

    /// <param name="renew">Whether fencing the silo should also start a renewal at once: not from the heartbeat's own
    /// timer (which starts one right after) or from within a heartbeat.</param>
    private bool CheckLease(bool renew)
    {
        if (_kind != MemberKind.Silo || _stopped)
        {
            return _fenced;
        }
        var age = _runtime.TimeProvider.GetElapsedTime(Volatile.Read(ref _lastRenewalSent));
        if (age > _options.LeaseDuration)
        {
            var renewNow = false;
            lock (_fenceLock)
            {
                if (!_fenced && _runtime.TimeProvider.GetElapsedTime(Volatile.Read(ref _lastRenewalSent)) > _options.LeaseDuration)
                {
                    _fenced = true;
                    _runtime.Log.Fenced(age, _runtime.Address);
                    _runtime.Catalog?.Pause();
                    renewNow = renew && _timer is not null;
                }
            }
            if (renewNow)
            {
                // Try to renew now rather than at the next tick, which a starved timer may not deliver. Not on this
                // thread: the caller may hold an activation's lock, and a heartbeat that completes at once (an
                // in-memory table) would apply a new view here, whose handlers take other activations' locks. Nor
                // queued to the thread pool, which is what a starved silo has saturated: a thread of its own.
                _ = Task.Factory.StartNew(static membership => ((MembershipService)membership!).StartHeartbeat(), this,
                    CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            }
        }
        return _fenced;
    }

    private async Task HeartbeatAsync()
    {
        var renewedLate = false;
        try
        {
            using var timeout = new CancellationTokenSource(_options.LeaseDuration, _runtime.TimeProvider);
            var sent = _runtime.TimeProvider.GetTimestamp();
            var status = await _runtime.MembershipTable.HeartbeatAsync(_runtime.Address, timeout.Token).ConfigureAwait(false);
            if (_stopped)
            {
                return;
            }
            if (status == MemberStatus.Dead)
            {
                OnDeclaredDead();
                return;
            }
            if (_runtime.TimeProvider.GetElapsedTime(Volatile.Read(ref _lastRenewalSent), sent) > _options.LeaseDuration)
            {
                _freshSince = sent; // the lease lapsed: this process may not vote until it has been fresh for SuspectAfter again
            }
            Volatile.Write(ref _lastRenewalSent, sent);
            renewedLate = _runtime.TimeProvider.GetElapsedTime(sent) > _options.LeaseDuration;
            lock (_fenceLock)
            {
                if (_fenced && !renewedLate)
                {
                    _fenced = false;
                    _runtime.Log.Unfenced(_runtime.Address);
                    _runtime.Catalog?.Resume();
                }
            }
            var snapshot = await _runtime.MembershipTable.ReadAsync(timeout.Token).ConfigureAwait(false);
            Apply(snapshot);
            if (_kind == MemberKind.Silo && _runtime.TimeProvider.GetElapsedTime(_freshSince) >= _options.SuspectAfter)
            {
                await VoteAsync(snapshot, timeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (!_stopped)
        {
            _runtime.Log.HeartbeatFailed(exception);
            CheckLease(renew: false);
        }
        catch (Exception)
        {
            // Stopped while the heartbeat was in flight: nothing to report.
        }
        finally
        {
            Volatile.Write(ref _heartbeatRunning, 0);
        }
        if (renewedLate && !_stopped)
        {
            // The table answered, but so late that this renewal no longer holds the lease: renew again at once.
            StartHeartbeat();
        }
    }

    private async Task VoteAsync(MembershipSnapshot snapshot, CancellationToken cancellationToken)
    {
        foreach (var entry in snapshot.Members)
        {
            var age = snapshot.Now - entry.HeartbeatAt;
            if (entry.Status == MemberStatus.Dead || entry.Address == _runtime.Address || age <= _options.SuspectAfter)
            {
                continue;
            }
            if (await _runtime.MembershipTable.TryDeclareDeadAsync(entry.Address, snapshot.Version, _options.SuspectAfter, cancellationToken)
                    .ConfigureAwait(false))
            {
                _runtime.Metrics.DeadVotes.Add(1);
                _runtime.Log.VotedDead(entry.Address, age, snapshot.Version);
            }
            // Either way the version moved (our vote or someone else's change): vote again on a fresh read next tick.
            await RefreshAsync(cancellationToken).ConfigureAwait(false);
            return;
        }
    }

    private void Apply(MembershipSnapshot snapshot)
    {
        Volatile.Write(ref _lastRead, _runtime.TimeProvider.GetTimestamp());
        var current = _view;
        if (snapshot.Version < current.Version)
        {
            return;
        }
        var next = new MembershipView(snapshot);
        _view = next;
        if (snapshot.Version != current.Version)
        {
            _runtime.Log.ViewChanged(snapshot.Version, next.ActiveSilos.Count);
            ViewChanged?.Invoke(next);
            Interlocked.Exchange(ref _nextView, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        }
        if (next.IsDead(_runtime.Address) && !_stopped)
        {
            OnDeclaredDead();
        }
    }

    private void OnDeclaredDead()
    {
        if (_stopped)
        {
            return;
        }
        Stop();
        _runtime.Log.DeclaredDead(_runtime.Address, _runtime.Catalog?.Count ?? 0);
        DeclaredDead?.Invoke();
    }
}
