using ContactCenter.Actors;
using ContactCenter.Actors.InMemory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContactCenter.TestSupport;

/// <summary>Several silos and clients in one process, in the spirit of Orleans' TestingHost: each has its own runtime
/// and they talk over real loopback sockets with serialization, exactly as separate processes do; only the providers
/// (in-memory by default) are shared.</summary>
public sealed class TestCluster : IAsyncDisposable
{
    private readonly TestClusterOptions _options;
    private readonly List<Silo> _silos = [];
    private readonly List<ClusterClient> _clients = [];
    private static int _clusters;
    private readonly int _number = Interlocked.Increment(ref _clusters);
    private int _siloCount;

    private TestCluster(TestClusterOptions options)
    {
        _options = options;
        Storage = new InMemoryClusterStorage(options.Time);
    }

    /// <summary>The shared in-memory providers (unused when <see cref="TestClusterOptions.ConfigureProviders"/> is set).</summary>
    public InMemoryClusterStorage Storage { get; }

    /// <summary>Running silos, in start order.</summary>
    public IReadOnlyList<Silo> Silos
    {
        get
        {
            lock (_silos)
            {
                return [.. _silos.Where(s => s.IsRunning)];
            }
        }
    }

    public IReadOnlyList<ClusterClient> Clients
    {
        get
        {
            lock (_clients)
            {
                return [.. _clients.Where(c => c.IsRunning)];
            }
        }
    }

    /// <summary>The first running client.</summary>
    public ClusterClient Client => Clients[0];

    public static async Task<TestCluster> StartAsync(TestClusterOptions options)
    {
        var cluster = new TestCluster(options);
        try
        {
            for (var i = 0; i < options.Silos; i++)
            {
                await cluster.StartSiloAsync();
            }
            for (var i = 0; i < options.Clients; i++)
            {
                await cluster.StartClientAsync();
            }
            if (options.Time is FakeTimeProvider fake)
            {
                cluster.SettleFakeMembership(fake);
            }
            else
            {
                await cluster.WaitForStableMembershipAsync();
            }
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    public async Task<Silo> StartSiloAsync(string? site = null)
    {
        var index = Interlocked.Increment(ref _siloCount) - 1;
        var silo = new Silo(BuildServices(site ?? _options.Sites[index % _options.Sites.Count], index));
        await silo.StartAsync();
        lock (_silos)
        {
            _silos.Add(silo);
        }
        return silo;
    }

    public async Task<ClusterClient> StartClientAsync()
    {
        var client = new ClusterClient(BuildServices(_options.Sites[0]));
        await client.StartAsync();
        lock (_clients)
        {
            _clients.Add(client);
        }
        return client;
    }

    /// <summary>Ends a silo as kill -9 would: sockets reset, nothing handed off, no goodbye in the membership table.</summary>
    public static void Kill(Silo silo) => silo.Kill();

    public static void Kill(ClusterClient client) => client.Kill();

    /// <summary>Waits until every running silo sees exactly the running silos as active (real time only).</summary>
    public Task WaitForStableMembershipAsync(TimeSpan? timeout = null)
    {
        return Eventually.TrueAsync(IsStable, timeout ?? TimeSpan.FromSeconds(15), $"stable membership of {Silos.Count} silos");
    }

    private bool IsStable()
    {
        var running = Silos.Select(s => s.Address).ToHashSet();
        return Silos.All(s => s.Membership.Members
            .Where(m => m.Kind == MemberKind.Silo && m.Status == MemberStatus.Active)
            .Select(m => m.Address)
            .ToHashSet()
            .SetEquals(running));
    }

    /// <summary>On fake time the views refresh only when the clock moves: step it one heartbeat at a time until every
    /// silo sees the others.</summary>
    public void SettleFakeMembership(FakeTimeProvider fake)
    {
        var step = TimeSpan.FromMilliseconds(200);
        for (var i = 0; i < 50 && !IsStable(); i++)
        {
            fake.Advance(step);
        }
        if (!IsStable())
        {
            throw new TimeoutException("membership did not settle on fake time");
        }
    }

    /// <summary>The running silo that hosts <paramref name="grain"/>, if any.</summary>
    public Silo? HostOf(GrainId grain) => Silos.FirstOrDefault(s => s.Hosts(grain));

    public async ValueTask DisposeAsync()
    {
        foreach (var client in Clients)
        {
            await client.DisposeAsync();
        }
        foreach (var silo in Silos)
        {
            silo.Kill();
        }
    }

    private ServiceProvider BuildServices(string site, int? siloIndex = null)
    {
        var services = new ServiceCollection();
        if (_options.Log is not null || TestLogFile.IsOn)
        {
            var process = siloIndex is { } silo ? $"cluster{_number} silo{silo}" : $"cluster{_number} client";
            services.AddLogging(b => b.AddProvider(new LineLoggerProvider(process, line =>
            {
                _options.Log?.Invoke(line);
                TestLogFile.Append(line);
            })));
        }
        if (_options.Time is { } time)
        {
            services.AddSingleton(time);
        }
        services.ConfigureActorRuntime(o =>
        {
            TestClusterOptions.ApplyTestDefaults(o, fakeTime: _options.Time is FakeTimeProvider);
            o.Site = site;
            _options.ConfigureRuntime?.Invoke(o);
        });
        if (_options.ConfigureProviders is { } providers)
        {
            providers(services);
        }
        else
        {
            services.AddInMemoryActorProviders(Storage);
        }
        _options.ConfigureServices?.Invoke(services);
        if (siloIndex is { } index)
        {
            _options.ConfigureSilo?.Invoke(index, services);
        }
        return services.BuildServiceProvider();
    }
}
