namespace ContactCenter.Actors.Drills;

/// <summary>See <see cref="IDrillGrain"/>. Records its activation's start and stop in the silo's
/// <see cref="DrillActivationLog"/>, so a drill can prove no grain was active on two silos at once.</summary>
internal sealed class DrillGrain(DrillActivationLog activations) : JournaledGrain<DrillState, DrillAppended>, IDrillGrain
{
    // Transient: the observer reference lives as long as this activation.
    private IDrillObserver? _observer;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        activations.Started(GetPrimaryKeyString(), Activation.Runtime.Address, TimeProvider.GetUtcNow());
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        activations.Stopped(GetPrimaryKeyString(), Activation.Runtime.Address, TimeProvider.GetUtcNow());
        return Task.CompletedTask;
    }

    public async Task<DrillStatus> AppendAsync(long sequence)
    {
        if (sequence > State.LastSequence + 1)
        {
            throw new DrillGapException(
                $"{GrainId}: append {sequence} arrived but the journal ends at {State.LastSequence}");
        }
        if (sequence == State.LastSequence + 1)
        {
            RaiseEvent(new DrillAppended(sequence));
            await ConfirmEvents();
        }
        return Status();
    }

    public Task<DrillStatus> GetStatusAsync() => Task.FromResult(Status());

    public async Task PublishAsync(long value) =>
        await Streams.GetStream<long>(new StreamId(IDrillGrain.StreamNamespace, GetPrimaryKeyString())).OnNextAsync(value);

    public Task AttachAsync(IDrillObserver observer)
    {
        _observer = observer;
        return Task.CompletedTask;
    }

    public async Task<string?> NotifyAsync(string message)
    {
        if (_observer is null)
        {
            throw new InvalidOperationException($"{GrainId} has no observer attached");
        }
        try
        {
            await _observer.NotifyAsync(message);
            return null;
        }
        catch (Exception exception)
        {
            return exception.GetType().Name;
        }
    }

    private DrillStatus Status() => new(State.LastSequence, State.Appends, Activation.Runtime.Address.ToString());
}
