using System.Collections.Concurrent;
using ContactCenter.Actors.Hosting;

namespace ContactCenter.Actors.Activation;

/// <summary>The activations of this silo, their idle collection, and the pause gate used while the silo is fenced.</summary>
internal sealed class Catalog : IDisposable
{
    private readonly ActorRuntime _runtime;
    private readonly ConcurrentDictionary<GrainId, ActivationData> _activations = new();
    private readonly TaskCompletionSource _emptied = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ITimer? _collector;
    private volatile bool _paused;

    public Catalog(ActorRuntime runtime)
    {
        _runtime = runtime;
    }

    /// <summary>True while the silo is fenced; asked before every turn, it also checks the lease itself
    /// (<see cref="Membership.MembershipService.CheckLease()"/>).</summary>
    public bool IsPaused => _paused || _runtime.Membership.CheckLease();

    /// <summary>Set when the silo is leaving: requests for grains it does not host are refused.</summary>
    public bool IsStopping { get; private set; }

    public int Count => _activations.Count;

    public void Start()
    {
        var quantum = _runtime.Options.CollectionQuantum;
        _collector = _runtime.TimeProvider.CreateTimer(static s => ((Catalog)s!).CollectIdle(), this, quantum, quantum);
    }

    public ActivationData? TryGet(GrainId grain) => _activations.GetValueOrDefault(grain);

    /// <summary>The activation for <paramref name="grain"/>, creating one (which then claims the directory row) if
    /// there is none. Calls queue on it whatever the claim's outcome; a lost claim forwards them.</summary>
    public ActivationData GetOrCreate(GrainId grain)
    {
        if (_activations.TryGetValue(grain, out var existing))
        {
            return existing;
        }
        var implementation = _runtime.Registry.GetImplementation(grain.Type);
        var created = new ActivationData(_runtime, grain, implementation);
        var winner = _activations.GetOrAdd(grain, created);
        if (ReferenceEquals(winner, created))
        {
            _runtime.Metrics.Activations.Add(1);
            _ = created.RegisterAsync();
        }
        return winner;
    }

    public void Remove(ActivationData activation)
    {
        if (_activations.TryRemove(new KeyValuePair<GrainId, ActivationData>(activation.Id, activation)))
        {
            _runtime.Metrics.Activations.Add(-1);
        }
        if (IsStopping && _activations.IsEmpty)
        {
            _emptied.TrySetResult();
        }
    }

    public void Pause() => _paused = true;

    /// <summary>After the activations were dropped because the silo was declared dead: take new ones again (once the
    /// silo has rejoined and resumed).</summary>
    public void Reopen() => IsStopping = false;

    public void Resume()
    {
        _paused = false;
        foreach (var activation in _activations.Values)
        {
            activation.SchedulePump();
        }
    }

    /// <summary>Graceful stop: every activation runs its deactivation; returns when all are gone or the timeout passes.</summary>
    public async Task DeactivateAllAsync(TimeSpan timeout)
    {
        IsStopping = true;
        foreach (var activation in _activations.Values)
        {
            activation.RequestDeactivation(DeactivationReason.ShuttingDown);
        }
        if (_activations.IsEmpty)
        {
            return;
        }
        try
        {
            await _emptied.Task.WaitAsync(timeout, _runtime.TimeProvider).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Whatever did not finish in time is dropped by the caller.
        }
    }

    /// <summary>Abrupt end (killed, or declared dead): nothing runs, callers fail.</summary>
    public void DropAll(Exception reason)
    {
        IsStopping = true;
        foreach (var activation in _activations.Values)
        {
            Remove(activation);
            activation.Drop(reason);
        }
    }

    public void Dispose() => _collector?.Dispose();

    private void CollectIdle()
    {
        var age = _runtime.Options.CollectionAge;
        foreach (var activation in _activations.Values)
        {
            if (activation.IsIdleFor(activation.CollectionAge ?? age))
            {
                activation.RequestDeactivation(DeactivationReason.Idle);
            }
        }
    }
}
