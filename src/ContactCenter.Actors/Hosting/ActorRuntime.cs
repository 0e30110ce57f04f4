using System.Diagnostics.Metrics;
using System.Net;
using ContactCenter.Actors.Activation;
using ContactCenter.Actors.Calls;
using ContactCenter.Actors.Diagnostics;
using ContactCenter.Actors.Directory;
using ContactCenter.Actors.Membership;
using ContactCenter.Actors.Messaging;
using ContactCenter.Actors.Observers;
using ContactCenter.Actors.Reminders;
using ContactCenter.Actors.Serialization;
using ContactCenter.Actors.Streams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ContactCenter.Actors.Hosting;

/// <summary>Everything one process of the cluster runs: messaging, membership, routing, and — in a silo — the
/// activations, reminders and idle collection. <see cref="Silo"/> and <see cref="ClusterClient"/> are its faces.</summary>
internal sealed class ActorRuntime : IGrainFactory, IAsyncDisposable
{
    private static long _generationCounter;
    private readonly ReminderService? _reminders;
    private int _state; // 0 new, 3 starting, 1 started, 2 stopped

    public ActorRuntime(IServiceProvider services, MemberKind kind)
    {
        Services = services;
        Kind = kind;
        Options = services.GetService<IOptions<ActorRuntimeOptions>>()?.Value ?? new ActorRuntimeOptions();
        Options.Validate();
        TimeProvider = services.GetService<TimeProvider>() ?? TimeProvider.System;
        Log = (services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger("ContactCenter.Actors");
        Metrics = new RuntimeMetrics(services.GetService<IMeterFactory>());
        MembershipTable = services.GetRequiredService<IMembershipTable>();
        Directory = services.GetRequiredService<IGrainDirectory>();
        StateStorage = services.GetRequiredService<IGrainStateStorage>();
        Journal = services.GetRequiredService<IEventJournal>();
        ReminderTable = services.GetRequiredService<IReminderTable>();
        Serializer = new ActorSerializer(
            services.GetServices<SerializerContextRegistration>().Select(r => r.Resolver),
            new ReferenceTypeInfoResolver(this));
        Registry = new GrainTypeRegistry(services.GetServices<GrainRegistration>(), Serializer);
        Dispatcher = new Dispatcher(this);
        Codec = new MessageCodec(Serializer, Dispatcher);
        Connections = new ConnectionManager(this);
        Membership = new MembershipService(this, kind);
        Membership.ViewChanged += Connections.DropDead;
        Locator = new GrainLocator(this);
        Observers = new ObserverRegistry();
        ProcessWatches = new ProcessWatches(Membership);
        ProcessStreamHandlers = new StreamHandlers();
        Streams = StreamProvider.ForProcess(this);
        if (kind == MemberKind.Silo)
        {
            Catalog = new Catalog(this);
            _reminders = new ReminderService(this);
        }
        // Until started, the address names the intended endpoint; a silo's port is fixed when it binds.
        Address = new SiloAddress(Options.Host, 0, NextGeneration());
        Membership.DeclaredDead += OnDeclaredDead;
    }

    public IServiceProvider Services { get; }

    public MemberKind Kind { get; }

    public ActorRuntimeOptions Options { get; }

    public TimeProvider TimeProvider { get; }

    public ILogger Log { get; }

    public RuntimeMetrics Metrics { get; }

    public IMembershipTable MembershipTable { get; }

    public IGrainDirectory Directory { get; }

    public IGrainStateStorage StateStorage { get; }

    public IEventJournal Journal { get; }

    public IReminderTable ReminderTable { get; }

    public ActorSerializer Serializer { get; }

    public GrainTypeRegistry Registry { get; }

    public Dispatcher Dispatcher { get; }

    public MessageCodec Codec { get; }

    public ConnectionManager Connections { get; }

    public MembershipService Membership { get; }

    public GrainLocator Locator { get; }

    public ObserverRegistry Observers { get; }

    /// <summary>Activations waiting for other processes (observers' holders) to be declared dead.</summary>
    public ProcessWatches ProcessWatches { get; }

    public StreamHandlers ProcessStreamHandlers { get; }

    public IStreamProvider Streams { get; }

    /// <summary>Null in clients: they host no activations.</summary>
    public Catalog? Catalog { get; }

    public ReminderService Reminders =>
        _reminders ?? throw new InvalidOperationException("reminders are registered by grains, which run only in silos");

    public SiloAddress Address { get; private set; }

    public IGrainFactory GrainFactory => this;

    public bool IsRunning => Volatile.Read(ref _state) == 1;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref _state, 3, 0) != 0)
        {
            throw new InvalidOperationException("a runtime starts once");
        }
        try
        {
            if (Kind == MemberKind.Silo)
            {
                var bound = Connections.Listen(new IPEndPoint(IPAddress.Parse(Options.Host), Options.Port));
                Address = Address with { Port = bound.Port };
            }
            Dispatcher.Start();
            await Membership.JoinAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // Nothing joined, nothing to hand off: release what was opened and report the failure.
            Kill();
            throw;
        }
        Volatile.Write(ref _state, 1);
        Catalog?.Start();
        _reminders?.Start();
        if (Kind == MemberKind.Client)
        {
            // Any silo may need to call this client's observers: keep a connection to each of them.
            Membership.ViewChanged += view => Connections.Connect(view.ActiveSilos);
            Connections.Connect(Membership.View.ActiveSilos);
        }
        if (Kind == MemberKind.Silo)
        {
            Log.SiloJoined(Address, Options.Site);
        }
    }

    /// <summary>Graceful: stop taking placements, let every activation run its last turn, then leave.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref _state, 2, 1) != 1)
        {
            return;
        }
        try
        {
            if (Catalog is not null)
            {
                await Membership.LeaveAsync(MemberStatus.ShuttingDown, cancellationToken).ConfigureAwait(false);
                await Membership.RefreshAsync(cancellationToken).ConfigureAwait(false);
                await Catalog.DeactivateAllAsync(Options.ShutdownTimeout).ConfigureAwait(false);
            }
            await Membership.LeaveAsync(MemberStatus.Dead, cancellationToken).ConfigureAwait(false);
            if (Catalog is not null && Membership.View.Snapshot.Members.Any(m => m.Address != Address && m.Status != MemberStatus.Dead))
            {
                // Keep answering "not here" until every peer has read the new view (one heartbeat each, twice for
                // margin), so requests already on their way are re-routed instead of lost with the connection.
                await Task.Delay(Options.Membership.HeartbeatPeriod * 2, TimeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            Shutdown(new SiloUnavailableException($"{Address} stopped"));
            await Connections.CloseAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
            Dispatcher.Dispose();
            Log.SiloLeft(Address);
        }
    }

    /// <summary>Abrupt, as kill -9: no goodbyes; the cluster finds out by the missing heartbeats.</summary>
    public void Kill()
    {
        if (Interlocked.Exchange(ref _state, 2) == 2)
        {
            return;
        }
        Shutdown(new SiloUnavailableException($"{Address} was killed"));
        Connections.Abort();
        Dispatcher.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        Metrics.Dispose();
    }

    private void Shutdown(Exception reason)
    {
        Membership.Stop();
        _reminders?.Dispose();
        Catalog?.Dispose();
        Catalog?.DropAll(reason);
    }

    private void OnDeclaredDead()
    {
        // Another silo may already host our grains: drop ours without running grain code or touching storage, then
        // come back as a new generation (dead is terminal for the old one).
        Catalog?.Pause();
        Catalog?.DropAll(new SiloUnavailableException($"{Address} was declared dead by the cluster"));
        _ = RejoinAsync();
    }

    private async Task RejoinAsync()
    {
        if (!IsRunning)
        {
            return;
        }
        Connections.DropConnections();
        Locator.Clear();
        Address = Address with { Generation = NextGeneration() };
        Catalog?.Reopen();
        await Membership.RejoinAsync(() => IsRunning).ConfigureAwait(false);
        if (IsRunning)
        {
            Catalog?.Resume();
            Log.Rejoined(Address);
        }
    }

    private long NextGeneration() =>
        TimeProvider.GetUtcNow().ToUnixTimeMilliseconds() * 1000 + Interlocked.Increment(ref _generationCounter) % 1000;

    public TGrain GetGrain<TGrain>(string key) where TGrain : IGrainWithStringKey
    {
        ArgumentNullException.ThrowIfNull(key);
        var grainType = Registry.GrainTypeOf(typeof(TGrain));
        var reference = new GrainReference(this, InterfaceMetadata.For(typeof(TGrain)), new GrainId(grainType, key));
        return (TGrain)GrainProxy.Create(typeof(TGrain), reference);
    }

    /// <summary>A reference to an existing grain seen through another of its interfaces (reminders, stream delivery).</summary>
    public TInterface GetReference<TInterface>(GrainId grain) where TInterface : class
    {
        var reference = new GrainReference(this, Registry.AddInterface(typeof(TInterface)), grain);
        return GrainProxy.Create<TInterface>(reference);
    }

    public TObserver CreateObjectReference<TObserver>(TObserver observer) where TObserver : class, IGrainObserver
    {
        ArgumentNullException.ThrowIfNull(observer);
        var metadata = Registry.AddInterface(typeof(TObserver));
        var id = new ObserverId(Address, Observers.Add(observer));
        return GrainProxy.Create<TObserver>(new GrainReference(this, metadata, id));
    }

    public void DeleteObjectReference<TObserver>(TObserver reference) where TObserver : class, IGrainObserver
    {
        if (reference is GrainProxy { Reference.ObserverId: { } id } && id.Process == Address)
        {
            Observers.Remove(id.Id);
        }
    }

    public string FormatReference(object proxy) => proxy is GrainProxy grainProxy
        ? grainProxy.Reference.ToString()
        : throw new ArgumentException($"{proxy.GetType().Name} is not a grain or observer reference; pass a reference from GetGrain or CreateObjectReference");

    public object ParseReference(string wire)
    {
        var parts = wire.Split('|', 3);
        if (parts.Length != 3)
        {
            throw new FormatException($"'{wire}' is not a reference");
        }
        var metadata = Registry.FindInterface(parts[1])
            ?? throw new FormatException($"interface '{parts[1]}' is not known in this process");
        var reference = parts[0] == "g"
            ? new GrainReference(this, metadata, GrainId.Parse(parts[2]))
            : new GrainReference(this, metadata, ObserverId.Parse(parts[2]));
        return GrainProxy.Create(metadata.Type, reference);
    }
}
