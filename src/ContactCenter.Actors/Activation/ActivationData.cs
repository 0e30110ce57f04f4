using System.Runtime.CompilerServices;
using ContactCenter.Actors.Hosting;
using ContactCenter.Actors.Observers;
using ContactCenter.Actors.Streams;
using ContactCenter.Actors.Timers;

namespace ContactCenter.Actors.Activation;

/// <summary>One activation of a grain on this silo and its mailbox. Turns run one at a time (read-only turns may
/// overlap each other); the next turn starts when the previous turn's task completes, on whichever thread completed it.
/// All scheduling state is guarded by one lock that is never held while grain code runs.</summary>
internal sealed partial class ActivationData
{
    [ThreadStatic]
    private static ActivationData? _constructing;

    private readonly Lock _lock = new();
    private readonly Queue<WorkItem> _queue = new();
    private readonly List<GrainTimer> _timers = [];
    private WorkItem? _priorityItem;
    private ActivationState _state = ActivationState.Registering;
    private bool _exclusiveRunning;
    private int _readOnlyRunning;
    private bool _pumping;
    private long _lastActivity;

    // Set by every turn that counts as use; the collector clears it and moves _lastActivity, so the hot path does not
    // read the clock. Idle ages are therefore measured in collection quanta.
    private bool _usedSinceCollection;

    // The grain's own idle age in ticks (Grain.SetCollectionAge), or -1 for the runtime's; written by a turn, read by
    // the collector.
    private long _collectionAgeTicks = -1;

    public ActivationData(ActorRuntime runtime, GrainId id, Type implementation)
    {
        Runtime = runtime;
        Id = id;
        Implementation = implementation;
        _lastActivity = runtime.TimeProvider.GetTimestamp();
    }

    /// <summary>The activation whose grain is being constructed on this thread (read by the <see cref="Grain"/> constructor).</summary>
    public static ActivationData? Constructing => _constructing;

    public ActorRuntime Runtime { get; }

    public GrainId Id { get; }

    public Type Implementation { get; }

    /// <summary>How long this activation may stay unused before it is collected; null for the runtime's
    /// <see cref="ActorRuntimeOptions.CollectionAge"/>.</summary>
    public TimeSpan? CollectionAge
    {
        get => Volatile.Read(ref _collectionAgeTicks) is var ticks and >= 0 ? TimeSpan.FromTicks(ticks) : null;
        set => Volatile.Write(ref _collectionAgeTicks, value is { } age ? Math.Max(age.Ticks, 0) : -1);
    }

    /// <summary>The grain object; set by the activation turn.</summary>
    public object? Instance { get; private set; }

    public bool IsValid => (ActivationState)Volatile.Read(ref Unsafe.As<ActivationState, int>(ref _state)) == ActivationState.Valid;

    /// <summary>Handlers of the grain's stream subscriptions, reached through <see cref="IStreamConsumer"/> calls.</summary>
    public StreamHandlers StreamHandlers => field ??= new StreamHandlers();

    /// <summary>Streams as seen by this grain (its subscriptions belong to the grain).</summary>
    public IStreamProvider Streams => field ??= StreamProvider.ForGrain(this);

    /// <summary>The object a call through <paramref name="metadata"/> lands on: the grain, or a runtime extension.</summary>
    public object TargetFor(Calls.InterfaceMetadata metadata) =>
        metadata.Type == typeof(IStreamConsumer) ? StreamHandlers : Instance!;

    /// <summary>Why the activation is ending, once that has been decided.</summary>
    public DeactivationReason? DeactivationReason { get; private set; }

    /// <summary>Queues a turn. False when the activation is gone: the caller must re-resolve.</summary>
    public bool TryEnqueue(WorkItem item, bool pumpInline)
    {
        lock (_lock)
        {
            if (_state == ActivationState.Invalid)
            {
                return false;
            }
            _queue.Enqueue(item);
        }
        if (pumpInline)
        {
            Pump();
        }
        else
        {
            SchedulePump();
        }
        return true;
    }

    /// <summary>The fast path: when nothing is queued or running that this call must wait for, the caller runs the turn
    /// itself and must call <see cref="EndInlineTurn"/> when the returned task completes.</summary>
    public bool TryStartInlineTurn(bool readOnly)
    {
        lock (_lock)
        {
            if (_state != ActivationState.Valid || _queue.Count != 0 || _priorityItem is not null || _exclusiveRunning ||
                Runtime.Catalog!.IsPaused || (!readOnly && _readOnlyRunning != 0))
            {
                return false;
            }
            MarkRunning(readOnly, countsAsActivity: true);
            return true;
        }
    }

    public void EndInlineTurn(bool readOnly) => TurnEnded(readOnly);

    /// <summary>Runs whatever may run now. Safe to call from any thread at any time.</summary>
    public void Pump()
    {
        lock (_lock)
        {
            if (_pumping)
            {
                return;
            }
            _pumping = true;
        }
        while (true)
        {
            WorkItem next;
            lock (_lock)
            {
                if (!TryTakeNext(out next!))
                {
                    _pumping = false;
                    return;
                }
            }
            Run(next);
        }
    }

    public void SchedulePump() =>
        ThreadPool.UnsafeQueueUserWorkItem(static activation => activation.Pump(), this, preferLocal: false);

    /// <summary>Idle for at least <paramref name="age"/> (give or take a collection quantum) with nothing queued or
    /// running. Called once per quantum by the collector.</summary>
    public bool IsIdleFor(TimeSpan age)
    {
        lock (_lock)
        {
            if (_usedSinceCollection)
            {
                _usedSinceCollection = false;
                _lastActivity = Runtime.TimeProvider.GetTimestamp();
                return false;
            }
            return _state == ActivationState.Valid && _queue.Count == 0 && !_exclusiveRunning && _readOnlyRunning == 0 &&
                   _priorityItem is null && Runtime.TimeProvider.GetElapsedTime(_lastActivity) >= age;
        }
    }

    /// <summary>Ends the activation after the current turn. The first reason given wins.</summary>
    public void RequestDeactivation(DeactivationReason reason)
    {
        lock (_lock)
        {
            if (DeactivationReason is not null || _state is ActivationState.Invalid or ActivationState.Registering)
            {
                return;
            }
            DeactivationReason = reason;
            _priorityItem = new DeactivationWorkItem(reason);
        }
        SchedulePump();
    }

    public IDisposable RegisterTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new GrainTimer(this, callback, dueTime, period);
        lock (_lock)
        {
            _timers.Add(timer);
        }
        timer.Start();
        return timer;
    }

    /// <summary>Runs <paramref name="callback"/> once as a turn of this activation when <paramref name="process"/> is
    /// declared dead; stops with the activation or when disposed.</summary>
    public IDisposable WatchProcess(SiloAddress process, Func<CancellationToken, Task> callback)
    {
        ProcessWatches.Watch? watch = null;
        var trigger = new GrainTimer(this, callback, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan, onDisposed: () =>
        {
            if (Volatile.Read(ref watch) is { } added)
            {
                Runtime.ProcessWatches.TryRemove(added);
            }
        });
        lock (_lock)
        {
            _timers.Add(trigger);
        }
        trigger.Start();
        Volatile.Write(ref watch, Runtime.ProcessWatches.Add(process, trigger.Fire));
        return trigger;
    }

    public void RemoveTimer(GrainTimer timer)
    {
        lock (_lock)
        {
            _timers.Remove(timer);
        }
    }

    private bool TryTakeNext(out WorkItem? next)
    {
        next = null;
        // A fenced silo runs no grain code at all, activation and deactivation included.
        if (_exclusiveRunning || Runtime.Catalog!.IsPaused || _state is ActivationState.Registering or ActivationState.Invalid)
        {
            return false;
        }
        if (_priorityItem is not null)
        {
            // Activation and deactivation run alone, ahead of anything queued.
            if (_readOnlyRunning != 0)
            {
                return false;
            }
            next = _priorityItem;
            _priorityItem = null;
            MarkRunning(readOnly: false, countsAsActivity: false);
            return true;
        }
        if (_queue.Count == 0 || _state == ActivationState.Deactivating)
        {
            return false;
        }
        var head = _queue.Peek();
        if (!head.IsReadOnly && _readOnlyRunning != 0)
        {
            return false;
        }
        next = _queue.Dequeue();
        MarkRunning(head.IsReadOnly, head.CountsAsActivity);
        return true;
    }

    private void MarkRunning(bool readOnly, bool countsAsActivity)
    {
        if (readOnly)
        {
            _readOnlyRunning++;
        }
        else
        {
            _exclusiveRunning = true;
        }
        if (countsAsActivity)
        {
            _usedSinceCollection = true;
        }
    }

    private void Run(WorkItem item)
    {
        Task turn;
        try
        {
            turn = item.ExecuteAsync(this);
        }
        catch (Exception exception)
        {
            turn = Task.FromException(exception);
        }
        if (turn.IsCompleted)
        {
            TurnEnded(item.IsReadOnly, pump: false);
            return;
        }
        turn.ContinueWith(
            static (_, state) =>
            {
                var (activation, readOnly) = ((ActivationData, bool))state!;
                activation.TurnEnded(readOnly);
            },
            (this, item.IsReadOnly),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private void TurnEnded(bool readOnly, bool pump = true)
    {
        lock (_lock)
        {
            if (readOnly)
            {
                _readOnlyRunning--;
            }
            else
            {
                _exclusiveRunning = false;
            }
        }
        if (pump)
        {
            Pump();
        }
    }
}
