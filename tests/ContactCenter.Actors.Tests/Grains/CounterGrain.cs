namespace ContactCenter.Actors.Tests.Grains;

public sealed class CounterState
{
    public int Count { get; set; }
}

public class CounterGrain([PersistentState("counter")] IPersistentState<CounterState> counter, SiloIdentity silo)
    : Grain, ICounterGrain
{
    private readonly Guid _activationId = Guid.NewGuid();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        ActivationLedger.Activated(GrainId.ToString());
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        ActivationLedger.Deactivated(GrainId.ToString());
        return Task.CompletedTask;
    }

    public async Task<int> Increment()
    {
        counter.State.Count++;
        await counter.WriteStateAsync();
        return counter.State.Count;
    }

    public Task<int> Get() => Task.FromResult(counter.State.Count);

    public Task<string> WhereAmI() => Task.FromResult($"{silo.Name}/{_activationId:N}");

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public Task CollectWhenIdleFor(TimeSpan age)
    {
        SetCollectionAge(age);
        return Task.CompletedTask;
    }
}

/// <summary>Lets a grain say which test silo it runs on.</summary>
public sealed class SiloIdentity
{
    public string Name { get; set; } = Guid.NewGuid().ToString("N")[..8];
}

/// <summary>The same counter placed where it is first called, as call and chat grains are: concurrent first calls
/// from several silos race to activate it in each, and only the directory keeps it single.</summary>
public sealed class LocalCounterGrain([PersistentState("counter")] IPersistentState<CounterState> counter, SiloIdentity silo)
    : CounterGrain(counter, silo), ILocalCounterGrain;
