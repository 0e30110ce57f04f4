using System.Globalization;
using ContactCenter.Actors;
using ContactCenter.Actors.Postgres;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Drills;
using ContactCenter.Grains.Calls;
using ContactCenter.Interop.Tests.FrontEnd;
using ContactCenter.Sip.Authentication;
using ContactCenter.Sip.Transactions;
using ContactCenter.Storage.Documents;
using ContactCenter.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SipTransportKind = ContactCenter.Sip.Transactions.SipTransportKind;

namespace ContactCenter.Interop.Tests.Failover;

/// <summary>A contact center of real host processes on one PostgreSQL database, for HA-2: silo processes, SIP front-end
/// processes (cluster clients), and in this process a cluster client and the document store to configure the site and
/// read grains. A trunk trusts loopback, so test callers reach the front ends' numbers.</summary>
internal sealed class FailoverSite : IAsyncDisposable
{
    public const string Realm = SiteSettings.DefaultSipRealm;
    public const string PhonePassword = "phone-secret";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly PostgresTestDatabase _database;
    private readonly List<HostProcess> _processes = [];
    private readonly Dictionary<string, HostProcess> _silosByAddress = new(StringComparer.Ordinal);
    private ServiceProvider? _services;

    private FailoverSite(PostgresTestDatabase database) => _database = database;

    /// <summary>This process's cluster client.</summary>
    public ClusterClient Client { get; private set; } = null!;

    /// <summary>The site's configuration documents.</summary>
    public IDocumentStore Documents => _services!.GetRequiredService<IDocumentStore>();

    /// <summary>The silo processes by their cluster address.</summary>
    public IReadOnlyDictionary<string, HostProcess> Silos => _silosByAddress;

    /// <summary>A site of <paramref name="silos"/> silo processes (the first migrates the database), the loopback trunk
    /// and this process's client; front ends start with <see cref="StartFrontEndAsync"/>.</summary>
    public static async Task<FailoverSite> StartAsync(int silos, CancellationToken cancellationToken)
    {
        var site = new FailoverSite(await PostgresTestDatabase.CreateAsync());
        try
        {
            await site.StartSiloAsync(cancellationToken);
            await Task.WhenAll(Enumerable.Range(1, silos - 1).Select(_ => site.StartSiloAsync(cancellationToken)));
            await site.StartClientAsync(cancellationToken);
            await site.Documents.CreateAsync(new Trunk { Id = "loopback", Name = "Loopback", Host = "127.0.0.1", AllowedSources = ["127.0.0.1"] }, cancellationToken);
            return site;
        }
        catch
        {
            await site.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts a SIP front end (a cluster client with the sip role) and waits until it is ready.</summary>
    public async Task<FrontEndProcess> StartFrontEndAsync(string rtpPorts, CancellationToken cancellationToken)
    {
        var http = LoopbackPorts.Tcp(1)[0];
        var sip = LoopbackPorts.UdpAndTcp();
        var process = Start(["--roles", "sip", "--http-port", Text(http), "--sip-port", Text(sip), "--rtp-ports", rtpPorts]);
        await process.WaitReadyAsync(http, StartTimeout, cancellationToken);
        return new FrontEndProcess(process, new SipEndPoint(SipTransportKind.Udp, "127.0.0.1", sip));
    }

    /// <summary>A queue reached on <paramref name="number"/>.</summary>
    public async Task AddQueueAsync(string queueId, string number, CancellationToken cancellationToken)
    {
        await Documents.CreateAsync(new Queue { Id = queueId, Name = queueId }, cancellationToken);
        await Documents.CreateAsync(new InboundNumber { Id = number, Name = number, Target = InboundNumberTargetKind.Queue, TargetId = queueId }, cancellationToken);
    }

    /// <summary>An agent of <paramref name="queueId"/> with a SIP account, its phone registered at
    /// <paramref name="frontEnd"/>; not logged in.</summary>
    public async Task AddAgentAsync(string agentId, string queueId, MediaPeer phone, FrontEndProcess frontEnd, CancellationToken cancellationToken,
        LineMode lineMode = LineMode.RingPerCall)
    {
        await Documents.CreateAsync(new AgentProfile
        {
            Id = agentId,
            Name = agentId,
            Queues = [new QueueMembership(queueId)],
            LineMode = lineMode,
            SipUsername = agentId,
            SipPasswordMd5Ha1 = SipDigest.ComputeHa1(SipDigestAlgorithm.Md5, agentId, Realm, PhonePassword),
            SipPasswordSha256Ha1 = SipDigest.ComputeHa1(SipDigestAlgorithm.Sha256, agentId, Realm, PhonePassword),
        }, cancellationToken);
        var registered = await Conditions.WithinAsync(phone.RegisterAsync(frontEnd.Sip, agentId, PhonePassword), TimeSpan.FromSeconds(20),
            $"{agentId} registers", () => phone.Log.Tail(), cancellationToken);
        Assert.Equal(200, registered.StatusCode);
    }

    /// <summary>The silo process whose activation of the grain the directory names now.</summary>
    public async Task<HostProcess> SiloOfAsync<TGrain>(string key, CancellationToken cancellationToken)
    {
        var grainId = new GrainId(typeof(TGrain).FullName!, key).ToString();
        await using var command = _database.DataSource.CreateCommand("SELECT owner FROM grain_directory WHERE grain_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = grainId });
        var owner = await command.ExecuteScalarAsync(cancellationToken) as string
            ?? throw new InvalidOperationException($"the directory has no activation of {grainId}");
        return _silosByAddress.TryGetValue(owner, out var silo) ? silo : throw new InvalidOperationException($"{grainId} is on {owner}, not a silo of this site");
    }

    /// <summary>Kills a silo process (SIGKILL) and waits until the cluster declares it dead.</summary>
    public async Task KillSiloAsync(HostProcess silo, CancellationToken cancellationToken)
    {
        var address = _silosByAddress.Single(s => s.Value == silo).Key;
        await silo.KillAsync();
        await Eventually.TrueAsync(async () =>
        {
            await using var command = _database.DataSource.CreateCommand("SELECT status FROM cluster_members WHERE address = $1");
            command.Parameters.Add(new NpgsqlParameter { Value = address });
            return await command.ExecuteScalarAsync(cancellationToken) is short status && status == (short)MemberStatus.Dead;
        }, StartTimeout, $"silo {address} declared dead");
    }

    public async ValueTask DisposeAsync()
    {
        if (Client is not null)
        {
            await Client.StopAsync(CancellationToken.None);
        }
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }
        await _database.DisposeAsync();
    }

    private async Task StartSiloAsync(CancellationToken cancellationToken)
    {
        var ports = LoopbackPorts.Tcp(2);
        var process = Start(["--roles", "silo", "--http-port", Text(ports[0]), "--silo-port", Text(ports[1])]);
        await process.WaitReadyAsync(ports[0], StartTimeout, cancellationToken);
        lock (_silosByAddress)
        {
            _silosByAddress[process.AnnouncedSiloAddress()] = process;
        }
    }

    private async Task StartClientAsync(CancellationToken cancellationToken)
    {
        var services = new ServiceCollection();
        services.AddPostgresActorProviders(NpgsqlDataSource.Create(_database.ConnectionString), NpgsqlDataSource.Create(_database.ConnectionString));
        services.AddPostgresDocumentStore(NpgsqlDataSource.Create(_database.ConnectionString));
        services.AddCalls();
        _services = services.BuildServiceProvider();
        Client = new ClusterClient(_services);
        await Client.StartAsync(cancellationToken);
    }

    private HostProcess Start(string[] args)
    {
        var process = HostProcess.Start(args, new Dictionary<string, string> { ["ConnectionStrings__ContactCenter"] = _database.ConnectionString });
        lock (_processes)
        {
            _processes.Add(process);
        }
        return process;
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
