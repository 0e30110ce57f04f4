namespace ContactCenter.Actors;

/// <summary>A process's silo: hosts activations and is a member of the cluster. Build it from a service provider that
/// has the providers, grains and serializer contexts registered (see <see cref="ActorServiceCollectionExtensions"/>).</summary>
public sealed class Silo : IAsyncDisposable
{
    private readonly Hosting.ActorRuntime _runtime;

    public Silo(IServiceProvider services)
    {
        _runtime = new Hosting.ActorRuntime(services, MemberKind.Silo);
    }

    /// <summary>This silo's address (its port is known once started).</summary>
    public SiloAddress Address => _runtime.Address;

    public IGrainFactory GrainFactory => _runtime;

    public IStreamProvider Streams => _runtime.Streams;

    public string Site => _runtime.Options.Site;

    /// <summary>Activations currently on this silo.</summary>
    public int ActivationCount => _runtime.Catalog!.Count;

    /// <summary>Whether the silo has paused its activations because its lease expired.</summary>
    public bool IsFenced => _runtime.Membership.IsFenced;

    public bool IsRunning => _runtime.IsRunning;

    /// <summary>The cluster as this silo last read it.</summary>
    public MembershipSnapshot Membership => _runtime.Membership.View.Snapshot;

    public Task StartAsync(CancellationToken cancellationToken = default) => _runtime.StartAsync(cancellationToken);

    /// <summary>Graceful stop: every activation runs its last turn and the silo leaves the cluster.</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => _runtime.StopAsync(cancellationToken);

    /// <summary>Ends the silo abruptly, as kill -9 would: sockets reset, no deactivation, no goodbye in the table.</summary>
    public void Kill() => _runtime.Kill();

    /// <summary>Whether <paramref name="grain"/> is active on this silo.</summary>
    public bool Hosts(GrainId grain) => _runtime.Catalog!.TryGet(grain) is { IsValid: true };

    internal Hosting.ActorRuntime Runtime => _runtime;

    public ValueTask DisposeAsync() => _runtime.DisposeAsync();
}
