using System.Runtime.CompilerServices;
using ContactCenter.Actors.Diagnostics;
using ContactCenter.Actors.Persistence;
using ContactCenter.Actors.Timers;

namespace ContactCenter.Actors.Activation;

internal sealed partial class ActivationData
{
    private readonly List<IStateLoader> _stateLoaders = [];

    /// <summary>Claims the directory row for this grain; only the silo that holds the row activates it.</summary>
    public async Task RegisterAsync()
    {
        SiloAddress owner;
        try
        {
            owner = await Runtime.Directory.RegisterAsync(Id, Runtime.Address).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            Fail(new SiloUnavailableException($"could not claim {Id} in the grain directory: {exception.Message}"));
            return;
        }
        if (owner != Runtime.Address)
        {
            ClaimedBy = owner;
            Runtime.Catalog!.Remove(this);
            foreach (var item in Close())
            {
                item.Reject(owner, failure: null);
            }
            return;
        }
        lock (_lock)
        {
            _state = ActivationState.Activating;
            _priorityItem = new ActivationWorkItem();
        }
        Pump();
    }

    /// <summary>Called by <see cref="GrainActivator"/> for every persistent state the grain's constructor asked for.</summary>
    public void AddStateLoader(IStateLoader loader) => _stateLoaders.Add(loader);

    /// <summary>Throws unless this activation may still write its grain's storage. A turn that was already running when
    /// its activation was dropped (the silo was declared dead, or killed) or when its silo fenced itself (the lease ran
    /// out) must not write: another activation may already be serving the grain from the same storage. Nor may an
    /// activation whose earlier write failed or conflicted (its state is stale). A fenced activation is also asked to
    /// deactivate once the silo runs turns again, since its state may hold the changes it could not write.</summary>
    /// <exception cref="SiloUnavailableException">The activation was dropped or its silo is fenced.</exception>
    /// <exception cref="InconsistentStateException">An earlier write of this activation failed or conflicted.</exception>
    public void EnsureMayWrite()
    {
        if ((ActivationState)Volatile.Read(ref Unsafe.As<ActivationState, int>(ref _state)) == ActivationState.Invalid)
        {
            throw new SiloUnavailableException($"{Id}: the activation on {Runtime.Address} has ended and may not write");
        }
        if (DeactivationReason == Actors.DeactivationReason.InconsistentState)
        {
            throw new InconsistentStateException(
                $"{Id}: an earlier write of this activation failed, so its state may differ from storage; the next call gets a fresh one");
        }
        if (Runtime.Membership.CheckLease())
        {
            RequestDeactivation(Actors.DeactivationReason.InconsistentState);
            throw new SiloUnavailableException($"{Id}: {Runtime.Address} is fenced (its membership lease ran out) and may not write");
        }
    }

    /// <summary>Ends the activation without running grain code: its silo was declared dead or was killed.</summary>
    public void Drop(Exception reason)
    {
        DisposeTimers();
        foreach (var item in Close())
        {
            item.Reject(movedTo: null, reason);
        }
    }

    /// <summary>The silo that owns the grain, when this activation lost the directory claim to it: calls that find it
    /// closed go there.</summary>
    public SiloAddress? ClaimedBy { get; private set; }

    /// <summary>Why this activation failed to activate, if it did: calls that find it closed fail with this rather than
    /// being routed again to a fresh activation that would fail the same way.</summary>
    public Exception? Failure { get; private set; }

    private void Fail(Exception failure)
    {
        Failure = failure;
        Runtime.Catalog!.Remove(this);
        DisposeTimers();
        foreach (var item in Close())
        {
            item.Reject(movedTo: null, failure);
        }
    }

    private List<WorkItem> Close()
    {
        lock (_lock)
        {
            _state = ActivationState.Invalid;
            _priorityItem = null;
            var pending = new List<WorkItem>(_queue);
            _queue.Clear();
            return pending;
        }
    }

    private void DisposeTimers()
    {
        GrainTimer[] timers;
        lock (_lock)
        {
            timers = [.. _timers];
            _timers.Clear();
        }
        foreach (var timer in timers)
        {
            timer.Dispose();
        }
    }

    private sealed class ActivationWorkItem : WorkItem
    {
        public override async Task ExecuteAsync(ActivationData activation)
        {
            try
            {
                _constructing = activation;
                try
                {
                    activation.Instance = GrainActivator.Create(activation);
                }
                finally
                {
                    _constructing = null;
                }
                using var timeout = new CancellationTokenSource(
                    activation.Runtime.Options.ActivationTimeout, activation.Runtime.TimeProvider);
                foreach (var loader in activation._stateLoaders)
                {
                    await loader.LoadAsync(timeout.Token).ConfigureAwait(false);
                }
                if (activation.Instance is Grain grain)
                {
                    await grain.LoadStateAsync(timeout.Token).ConfigureAwait(false);
                    await grain.OnActivateAsync(timeout.Token).ConfigureAwait(false);
                }
                lock (activation._lock)
                {
                    activation._state = ActivationState.Valid;
                }
            }
            catch (Exception exception)
            {
                activation.Runtime.Log.ActivationFailed(activation.Id, exception);
                _ = activation.Runtime.Directory.UnregisterAsync(activation.Id, activation.Runtime.Address);
                activation.Fail(exception);
            }
        }

        public override void Reject(SiloAddress? movedTo, Exception? failure)
        {
        }
    }

    private sealed class DeactivationWorkItem(DeactivationReason reason) : WorkItem
    {
        public override async Task ExecuteAsync(ActivationData activation)
        {
            lock (activation._lock)
            {
                activation._state = ActivationState.Deactivating;
            }
            activation.DisposeTimers();
            if (reason is not (Actors.DeactivationReason.InconsistentState or Actors.DeactivationReason.SiloDeclaredDead) &&
                activation.Instance is Grain grain)
            {
                try
                {
                    using var timeout = new CancellationTokenSource(
                        activation.Runtime.Options.DeactivationTimeout, activation.Runtime.TimeProvider);
                    await grain.OnDeactivateAsync(reason, timeout.Token).ConfigureAwait(false);
                }
                catch (Exception exception)
                {
                    activation.Runtime.Log.DeactivationFailed(activation.Id, exception);
                }
            }
            if (reason != Actors.DeactivationReason.SiloDeclaredDead)
            {
                try
                {
                    await activation.Runtime.Directory.UnregisterAsync(activation.Id, activation.Runtime.Address)
                        .ConfigureAwait(false);
                }
                catch (Exception exception)
                {
                    activation.Runtime.Log.DeactivationFailed(activation.Id, exception);
                }
            }
            activation.Runtime.Catalog!.Remove(activation);
            foreach (var item in activation.Close())
            {
                item.Reject(movedTo: null, failure: null);
            }
        }

        public override void Reject(SiloAddress? movedTo, Exception? failure)
        {
        }
    }
}
