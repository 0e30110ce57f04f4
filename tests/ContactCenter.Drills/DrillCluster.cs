using System.Globalization;
using System.Net;
using ContactCenter.Actors.Postgres;
using ContactCenter.Actors;
using ContactCenter.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ContactCenter.Drills;

/// <summary>Real silo processes (<c>ContactCenter.Host --roles silo</c>) in several sites on one PostgreSQL database,
/// plus this process as a client-only member of the cluster (a <see cref="ClusterClient"/> on the same database).</summary>
public sealed class DrillCluster : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(60);
    private readonly DrillClusterOptions _options;
    private readonly List<DrillSilo> _silos = [];
    private readonly Dictionary<string, DateTimeOffset> _killTimes = [];
    private readonly Dictionary<string, DateTimeOffset> _pauseEnds = [];
    private readonly List<string> _addresses = [];
    private readonly List<TcpProxy> _proxies = [];
    private readonly Lock _clientLogLock = new();
    private ServiceProvider? _clientServices;
    private NpgsqlDataSource? _clientDataSource;
    private NpgsqlDataSource? _clientMembershipDataSource;

    private DrillCluster(DrillClusterOptions options)
    {
        _options = options;
        DataSource = NpgsqlDataSource.Create(options.ConnectionString);
    }

    public IReadOnlyList<DrillSilo> Silos => _silos;

    /// <summary>This process's client member; started by <see cref="StartAsync"/>.</summary>
    public ClusterClient Client { get; private set; } = null!;

    /// <summary>The relay the client reaches the database through, when the cluster has them.</summary>
    public TcpProxy? ClientDatabaseProxy { get; private set; }

    /// <summary>Every member's relay to the database (none unless <see cref="DrillClusterOptions.DatabaseProxies"/>).</summary>
    public IReadOnlyList<TcpProxy> DatabaseProxies => _proxies;

    /// <summary>The shared database, for checks behind the runtime's back (never through a relay).</summary>
    public NpgsqlDataSource DataSource { get; }

    /// <summary>Address → when this cluster killed it with SIGKILL.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> KillTimes => _killTimes;

    /// <summary>Every member address this cluster started (silo processes and its client).</summary>
    public IReadOnlyList<string> Addresses => _addresses;

    public static async Task<DrillCluster> StartAsync(DrillClusterOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        Directory.CreateDirectory(options.WorkDirectory);
        var cluster = new DrillCluster(options);
        try
        {
            var ports = LoopbackPorts.Tcp(2 * options.Silos);
            for (var i = 0; i < options.Silos; i++)
            {
                cluster._silos.Add(new DrillSilo(i, options.Sites[i % options.Sites.Count], ports[2 * i], ports[2 * i + 1])
                {
                    DatabaseProxy = cluster.CreateProxy(),
                });
            }
            // The first silo migrates the database alone; the others then start side by side.
            await cluster.StartSiloAsync(cluster._silos[0], cancellationToken);
            await Task.WhenAll(cluster._silos.Skip(1).Select(s => cluster.StartSiloAsync(s, cancellationToken)));
            await cluster.StartClientAsync(cancellationToken);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Kills <paramref name="silo"/>'s process with SIGKILL and notes when.</summary>
    public async Task<DateTimeOffset> KillAsync(DrillSilo silo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(silo);
        var killedAt = DateTimeOffset.UtcNow;
        _killTimes[silo.Address.ToString()] = killedAt;
        await silo.Process.KillAsync();
        cancellationToken.ThrowIfCancellationRequested();
        return killedAt;
    }

    /// <summary>Stops <paramref name="silo"/>'s process with SIGTERM (a graceful stop) and waits for it to exit 0.</summary>
    public async Task<DateTimeOffset> TerminateAsync(DrillSilo silo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(silo);
        var stoppedAt = DateTimeOffset.UtcNow;
        await silo.Process.TerminateAsync(cancellationToken);
        var exitCode = await silo.Process.WaitForExitAsync(StopTimeout, cancellationToken);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"{silo} exited with code {exitCode} after SIGTERM{Environment.NewLine}{silo.Process.Describe()}");
        }
        return stoppedAt;
    }

    /// <summary>Address → when that silo generation's activations stopped running without writing stop lines: killed
    /// with SIGKILL, or dropped when it learnt it was declared dead (from its last fence; see <see cref="PauseTimeline"/>).
    /// The end times <see cref="ActivationOverlaps.Find"/> needs.</summary>
    public Dictionary<string, DateTimeOffset> ActivationEndTimes()
    {
        var ends = new Dictionary<string, DateTimeOffset>(_pauseEnds);
        foreach (var silo in _silos)
        {
            PauseTimeline.AddEnds(silo.Process.OutputLines(), ends);
        }
        foreach (var (address, killedAt) in _killTimes)
        {
            ends[address] = ends.TryGetValue(address, out var paused) && paused < killedAt ? paused : killedAt;
        }
        return ends;
    }

    /// <summary>Starts a new process in <paramref name="silo"/>'s slot (after a kill or stop): a new generation.</summary>
    public async Task RestartAsync(DrillSilo silo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(silo);
        if (!silo.Process.HasExited)
        {
            throw new InvalidOperationException($"{silo} is still running");
        }
        PauseTimeline.AddEnds(silo.Process.OutputLines(), _pauseEnds);
        await silo.Process.DisposeAsync();
        await StartSiloAsync(silo, cancellationToken);
    }

    /// <summary>The members' status rows as the database holds them: address → status.</summary>
    public async Task<Dictionary<string, MemberStatus>> ReadMembershipAsync(CancellationToken cancellationToken)
    {
        var rows = new Dictionary<string, MemberStatus>();
        await using var command = DataSource.CreateCommand("SELECT address, status FROM cluster_members");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows[reader.GetString(0)] = (MemberStatus)reader.GetInt16(1);
        }
        return rows;
    }

    private async Task StartSiloAsync(DrillSilo silo, CancellationToken cancellationToken)
    {
        string[] args =
        [
            "--roles", "silo", "--site", silo.Site,
            "--http-port", Text(silo.HttpPort), "--silo-port", Text(silo.SiloPort),
            $"--Drill:ActivationLog={silo.NextActivationLog(_options.WorkDirectory)}",
            // The runtime's debug lines are its membership view changes: with them the output is a failover timeline.
            "--Logging:LogLevel:ContactCenter.Actors=Debug",
            .. _options.RuntimeFlags(),
        ];
        silo.Process = HostProcess.Start(
            args, new Dictionary<string, string> { ["ConnectionStrings__ContactCenter"] = ConnectionStringVia(silo.DatabaseProxy) }, _options.Report);
        await silo.Process.WaitReadyAsync(silo.HttpPort, StartTimeout, cancellationToken);
        silo.Address = SiloAddress.Parse(silo.Process.AnnouncedSiloAddress());
        _addresses.Add(silo.Address.ToString());
    }

    private async Task StartClientAsync(CancellationToken cancellationToken)
    {
        ClientDatabaseProxy = CreateProxy();
        _clientDataSource = NpgsqlDataSource.Create(ConnectionStringVia(ClientDatabaseProxy));
        _clientMembershipDataSource = NpgsqlDataSource.Create(ConnectionStringVia(ClientDatabaseProxy));
        var services = new ServiceCollection();
        services.AddPostgresActorProviders(_clientDataSource, _clientMembershipDataSource);
        services.AddFailoverDrill();
        var log = Path.Combine(_options.WorkDirectory, "client.log");
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Debug).AddProvider(new LineLoggerProvider(
            line =>
            {
                lock (_clientLogLock)
                {
                    File.AppendAllText(log, line + Environment.NewLine);
                }
            },
            LogLevel.Debug)));
        services.ConfigureActorRuntime(runtime =>
        {
            runtime.Site = _options.Sites[0];
            runtime.Membership.HeartbeatPeriod = _options.HeartbeatPeriod ?? runtime.Membership.HeartbeatPeriod;
            runtime.Membership.LeaseDuration = _options.LeaseDuration ?? runtime.Membership.LeaseDuration;
            runtime.Membership.SuspectAfter = _options.SuspectAfter ?? runtime.Membership.SuspectAfter;
        });
        _clientServices = services.BuildServiceProvider();
        Client = new ClusterClient(_clientServices);
        await Client.StartAsync(cancellationToken);
        _addresses.Add(Client.Address.ToString());
    }

    /// <summary>Stops the client and every silo still running gracefully (SIGTERM), then releases the database.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopClientAsync();
        }
        finally
        {
            // Even when the client could not leave (the database unreachable), no silo process may outlive the drill.
            await StopSilosAsync();
        }
    }

    private async Task StopClientAsync()
    {
        if (Client is not null)
        {
            await Client.DisposeAsync();
        }
        if (_clientServices is not null)
        {
            await _clientServices.DisposeAsync();
        }
    }

    private async Task StopSilosAsync()
    {
        await Task.WhenAll(_silos.Where(s => s.Process is { HasExited: false }).Select(async s =>
        {
            try
            {
                await s.Process.TerminateAsync(CancellationToken.None);
                await s.Process.WaitForExitAsync(StopTimeout, CancellationToken.None);
            }
            catch (Exception exception) when (exception is TimeoutException or InvalidOperationException)
            {
                // Disposal below kills it; its output tells why it did not stop.
            }
        }));
        foreach (var silo in _silos.Where(s => s.Process is not null))
        {
            await silo.Process.DisposeAsync();
        }
        foreach (var proxy in _proxies)
        {
            await proxy.DisposeAsync();
        }
        foreach (var dataSource in new[] { _clientDataSource, _clientMembershipDataSource })
        {
            if (dataSource is not null)
            {
                await dataSource.DisposeAsync();
            }
        }
        await DataSource.DisposeAsync();
    }

    private TcpProxy? CreateProxy()
    {
        if (!_options.DatabaseProxies)
        {
            return null;
        }
        var server = new NpgsqlConnectionStringBuilder(_options.ConnectionString);
        var address = Dns.GetHostAddresses(server.Host!).First(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork);
        var proxy = new TcpProxy(new IPEndPoint(address, server.Port));
        _proxies.Add(proxy);
        return proxy;
    }

    private string ConnectionStringVia(TcpProxy? proxy) =>
        proxy is null ? _options.ConnectionString
        : new NpgsqlConnectionStringBuilder(_options.ConnectionString) { Host = "127.0.0.1", Port = proxy.Port }.ConnectionString;

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

}
