using System.Data.Common;
using ContactCenter.Actors;
using ContactCenter.Actors.Drills;
using ContactCenter.Actors.InMemory;
using ContactCenter.Actors.Postgres;
using ContactCenter.Grains.Calls;
using ContactCenter.Grains.Reporting;
using ContactCenter.Host.Configuration;
using ContactCenter.Host.Demo;
using ContactCenter.Host.Ivr;
using ContactCenter.Storage.Audit;
using ContactCenter.Storage.Contacts;
using ContactCenter.Storage.Documents;
using ContactCenter.Storage.Registrations;
using ContactCenter.Storage.Reporting;
using ContactCenter.Web.Security;
using Npgsql;

namespace ContactCenter.Host.Cluster;

/// <summary>Registers this process's member of the cluster: a silo when it runs the silo role, an external cluster
/// client otherwise, on the providers the configuration selects.</summary>
internal static class NodeClusterExtensions
{
    /// <summary>The configuration section of the runtime's tuning (<see cref="ActorRuntimeOptions"/>: timeouts,
    /// <c>Actors:Membership:LeaseDuration</c>, ...); the node's flags set its site and endpoint.</summary>
    public const string RuntimeSectionName = "Actors";

    /// <summary>The configuration section of the failover drill (<see cref="DrillOptions"/>).</summary>
    public const string DrillSectionName = "Drill";

    /// <summary>Connections per node to PostgreSQL unless the connection string says otherwise.</summary>
    public const int DefaultMaxPoolSize = 20;

    /// <summary>Connections per node reserved for membership (heartbeat, view reads, votes), apart from
    /// <see cref="DefaultMaxPoolSize"/>.</summary>
    public const int MembershipPoolSize = 3;

    /// <summary>Statements each pooled connection keeps prepared unless the connection string says otherwise.</summary>
    public const int MaxAutoPrepare = 64;

    public static IServiceCollection AddNodeCluster(this IServiceCollection services, NodeOptions node, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(node);
        var roles = node.GetRoles();
        AddProviders(services, node, roles);
        // The routing core: calls, queues, agents and their routers, reading configuration from the document store.
        services.AddCalls();
        // The journal projections: interaction facts (reports) and the site's live aggregate (supervisors, wallboards).
        services.AddJournalProjections();
        services.AddFailoverDrill(drill => configuration.GetSection(DrillSectionName).Bind(drill));
        services.ConfigureActorRuntime(runtime =>
        {
            configuration.GetSection(RuntimeSectionName).Bind(runtime);
            runtime.Site = node.Site;
            runtime.Host = node.Bind;
            runtime.Port = node.SiloPort;
        });

        // The container owns the silo or client and disposes it once, after the hosted service has stopped it. Either
        // provides the grain factory and streams the web role reads.
        if (roles.HasFlag(NodeRoles.Silo))
        {
            services.AddSingleton(provider => new Silo(provider));
            services.AddSingleton(provider => provider.GetRequiredService<Silo>().GrainFactory);
            services.AddSingleton(provider => provider.GetRequiredService<Silo>().Streams);
            AddMember<SiloHostedService>(services);
            services.AddHostedService<JournalProjectionsHostedService>();
            // The IVR's lookups, announcements, callbacks and voicemails, run in the call grains' turns.
            services.AddHostIvrServices();
        }
        else
        {
            services.AddSingleton(provider => new ClusterClient(provider));
            services.AddSingleton<IGrainFactory>(provider => provider.GetRequiredService<ClusterClient>());
            services.AddSingleton(provider => provider.GetRequiredService<ClusterClient>().Streams);
            AddMember<ClusterClientHostedService>(services);
        }
        return services;
    }

    private static void AddProviders(IServiceCollection services, NodeOptions node, NodeRoles roles)
    {
        if (node.ConnectionString is { } connectionString)
        {
            NpgsqlDataSource dataSource;
            NpgsqlDataSource membershipDataSource;
            try
            {
                dataSource = NpgsqlDataSource.Create(WithNodeDefaults(connectionString, DefaultMaxPoolSize, keepPoolBound: true));
                membershipDataSource = NpgsqlDataSource.Create(WithNodeDefaults(connectionString, MembershipPoolSize, keepPoolBound: false));
            }
            catch (ArgumentException exception)
            {
                // The message of a malformed string may quote it; say only what is wrong with it.
                throw new NodeConfigurationException(
                    $"the PostgreSQL connection string (--postgres or ConnectionStrings__ContactCenter) is not valid: {exception.GetType().Name}");
            }
            services.AddPostgresActorProviders(dataSource, membershipDataSource);
            services.AddHostedService<DatabaseMigrationHostedService>();
            services.AddPostgresDocumentStore(dataSource);
            services.AddPostgresInteractionFactStore(dataSource);
            services.AddPostgresContactDirectory(dataSource);
            services.AddPostgresAuditLog(dataSource);
            // Every SIP front end of the site rings the phones registered at any of them.
            services.AddPostgresPhoneRegistrationStore(dataSource);
            // Every web node of the site signs cookies and tokens with the same keys.
            services.AddPostgresDataProtectionKeys(dataSource);
            return;
        }
        if (!roles.HasFlag(NodeRoles.Silo))
        {
            throw new NodeConfigurationException(
                $"--roles {node.Roles} has no silo, so this node would be an external cluster client; a client needs a " +
                "cluster shared through PostgreSQL (--postgres), and in-memory providers live in one process. Add the silo role.");
        }
        services.AddInMemoryActorProviders(new InMemoryClusterStorage());
        services.AddInMemoryDocumentStore();
        services.AddInMemoryInteractionFactStore();
        services.AddInMemoryContactDirectory();
        services.AddInMemoryAuditLog();
        services.AddInMemoryPhoneRegistrationStore();
        // The demo's queues, agent profiles, pause codes, IVR trees… from samples/.
        services.AddHostedService<DemoConfigurationHostedService>();
    }

    /// <summary>The node's defaults over the connection string, each one only where the string does not set it:
    /// <list type="bullet">
    /// <item>a pool bound of <paramref name="maxPoolSize"/>: Npgsql's default pool (100 connections per process) lets a
    /// handful of silos exhaust a server's <c>max_connections</c> (100 by default) under load; beyond the bound a node
    /// waits for a free connection (<paramref name="keepPoolBound"/> false: the bound is always this one, as for the
    /// membership's reserved connections);</item>
    /// <item><c>No Reset On Close</c>: Npgsql resets a pooled connection with <c>DISCARD ALL</c> each time it is returned,
    /// which was half of the node's PostgreSQL transactions under call load (12 per inbound call) and drops prepared
    /// statements. Nothing here leaves session state on a pooled connection: transactions, locks and settings are all
    /// transaction-scoped, and the document listener's <c>LISTEN</c> connection is held for the process's life;</item>
    /// <item><c>Max Auto Prepare</c> <see cref="MaxAutoPrepare"/>: statements a connection runs repeatedly (directory,
    /// journal, state) are prepared once per connection, so the server neither parses nor plans them each time.</item>
    /// </list></summary>
    private static string WithNodeDefaults(string connectionString, int maxPoolSize, bool keepPoolBound)
    {
        var keys = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(k => k.Replace(" ", "", StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!keepPoolBound || !(keys.Contains("MaxPoolSize") || keys.Contains("MaximumPoolSize")))
        {
            builder.MaxPoolSize = maxPoolSize;
        }
        if (!keys.Contains("NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }
        if (!keys.Contains("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = MaxAutoPrepare;
        }
        return builder.ConnectionString;
    }

    private static void AddMember<TMember>(IServiceCollection services)
        where TMember : class, IHostedService, IClusterNode
    {
        services.AddSingleton<TMember>();
        services.AddSingleton<IClusterNode>(provider => provider.GetRequiredService<TMember>());
        services.AddHostedService(provider => provider.GetRequiredService<TMember>());
    }
}
