using ContactCenter.Actors.Activation;

namespace ContactCenter.Actors.Persistence;

internal sealed class PersistentState<TState>(ActivationData activation, string stateName)
    : IPersistentState<TState>, IStateLoader where TState : class, new()
{
    private IGrainStateStorage Storage => activation.Runtime.StateStorage;

    public TState State { get; set; } = new();

    public long Version { get; private set; }

    public bool RecordExists { get; private set; }

    public Task LoadAsync(CancellationToken cancellationToken) => ReadStateAsync(cancellationToken);

    public async Task ReadStateAsync(CancellationToken cancellationToken = default)
    {
        var stored = await Storage.ReadAsync(stateName, activation.Id, cancellationToken).ConfigureAwait(false);
        State = stored.Json is null ? new TState() : activation.Runtime.Serializer.Deserialize<TState>(stored.Json);
        Version = stored.Version;
        RecordExists = stored.Json is not null;
    }

    public async Task WriteStateAsync(CancellationToken cancellationToken = default)
    {
        var json = activation.Runtime.Serializer.Serialize(State);
        Version = await Guard(() => Storage.WriteAsync(stateName, activation.Id, json, Version, cancellationToken)).ConfigureAwait(false);
        RecordExists = true;
    }

    public async Task ClearStateAsync(CancellationToken cancellationToken = default)
    {
        Version = await Guard(() => Storage.ClearAsync(stateName, activation.Id, Version, cancellationToken)).ConfigureAwait(false);
        State = new TState();
        RecordExists = false;
    }

    private async Task<long> Guard(Func<Task<long>> write)
    {
        activation.EnsureMayWrite();
        try
        {
            return await write().ConfigureAwait(false);
        }
        catch (InconsistentStateException)
        {
            // Another activation wrote since this one read: this one's state is stale and it must not serve again.
            activation.RequestDeactivation(DeactivationReason.InconsistentState);
            throw;
        }
    }
}
