using ContactCenter.Actors.Activation;
using ContactCenter.Actors.Calls;

namespace ContactCenter.Actors;

/// <summary>Base class of grain implementations. One activation handles one message at a time (turn-based) unless
/// a method is marked <see cref="ReadOnlyAttribute"/>.</summary>
public abstract class Grain
{
    private readonly ActivationData? _activation;

    /// <summary>Grains are created by the runtime, which makes the activation available to the constructor.</summary>
    protected Grain()
    {
        _activation = ActivationData.Constructing;
    }

    internal ActivationData Activation =>
        _activation ?? throw new InvalidOperationException(
            $"{GetType().Name} was not created by the grain runtime; grains are activated through IGrainFactory.GetGrain.");

    /// <summary>This grain's identity.</summary>
    public GrainId GrainId => Activation.Id;

    /// <summary>Creates references to other grains and to observers.</summary>
    protected IGrainFactory GrainFactory => Activation.Runtime.GrainFactory;

    /// <summary>The runtime's clock; grains read time only from here.</summary>
    protected TimeProvider TimeProvider => Activation.Runtime.TimeProvider;

    /// <summary>Publish/subscribe streams by (namespace, key).</summary>
    protected IStreamProvider Streams => Activation.Streams;

    /// <summary>The key this grain was addressed with.</summary>
    protected string GetPrimaryKeyString() => Activation.Id.Key;

    /// <summary>Called once, as the first turn of a new activation, after persistent state has been read.</summary>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Called as the last turn of an activation (not when its silo dies or its state turned out stale).</summary>
    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>Runs <paramref name="callback"/> as a turn of this activation after <paramref name="dueTime"/> and then
    /// every <paramref name="period"/> (<see cref="Timeout.InfiniteTimeSpan"/> for once). Ticks do not keep the
    /// activation alive and stop with it; a tick is skipped while the previous one is still queued or running.</summary>
    protected IDisposable RegisterGrainTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period) =>
        Activation.RegisterTimer(callback, dueTime, period);

    /// <summary>Runs <paramref name="onGone"/> once as a turn of this activation when the process holding
    /// <paramref name="observer"/> is declared dead (at once when it already is), so a grain learns that a client it
    /// depends on is gone without calling it. The watch stops with the activation or when disposed.</summary>
    /// <exception cref="ArgumentException"><paramref name="observer"/> is not an observer reference.</exception>
    protected IDisposable WatchObserver(IGrainObserver observer, Func<Task> onGone)
    {
        ArgumentNullException.ThrowIfNull(onGone);
        if (observer is not GrainProxy { Reference.ObserverId: { } id })
        {
            throw new ArgumentException("only an observer reference (from CreateObjectReference) can be watched", nameof(observer));
        }
        return Activation.WatchProcess(id.Process, _ => onGone());
    }

    /// <summary>Lets this activation be collected once unused for <paramref name="age"/> instead of the runtime's
    /// <see cref="ActorRuntimeOptions.CollectionAge"/>: for a grain whose work is over and that is seldom called
    /// afterwards (a later call activates it again). Idle time is measured in collection quanta, so collection comes
    /// one to two <see cref="ActorRuntimeOptions.CollectionQuantum"/>s after the last use at the earliest.</summary>
    protected void SetCollectionAge(TimeSpan age) => Activation.CollectionAge = age;

    /// <summary>Deactivates this activation once the current turn ends.</summary>
    protected void DeactivateOnIdle() => Activation.RequestDeactivation(DeactivationReason.ApplicationRequested);

    /// <summary>Registers or updates a durable reminder; the grain must implement <see cref="IRemindable"/>.
    /// Reminders survive deactivation and the death of the silo that registered them.</summary>
    protected Task<IGrainReminder> RegisterOrUpdateReminder(string name, TimeSpan dueTime, TimeSpan period) =>
        Activation.Runtime.Reminders.RegisterOrUpdateAsync(GrainId, name, dueTime, period);

    /// <summary>Removes a reminder registered by this grain.</summary>
    protected Task UnregisterReminder(IGrainReminder reminder) =>
        Activation.Runtime.Reminders.UnregisterAsync(GrainId, reminder);

    /// <summary>The reminder named <paramref name="name"/>, or null.</summary>
    protected Task<IGrainReminder?> GetReminder(string name) => Activation.Runtime.Reminders.GetAsync(GrainId, name);

    /// <summary>Runs before <see cref="OnActivateAsync"/>: base classes load their state here.</summary>
    internal virtual Task LoadStateAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
