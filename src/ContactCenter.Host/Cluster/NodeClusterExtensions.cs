using ContactCenter.Actors;
using ContactCenter.Actors.InMemory;
using ContactCenter.Actors.Postgres;
using ContactCenter.Host.Configuration;
using Npgsql;

namespace ContactCenter.Host.Cluster;

/// <summary>Registers this process's member of the cluster: a silo when it runs the silo role, an external cluster
/// client otherwise, on the providers the configuration selects.</summary>
internal static class NodeClusterExtensions
{
    public static IServiceCollection AddNodeCluster(this IServiceCollection services, NodeOptions node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var roles = node.GetRoles();
        AddProviders(services, node, roles);
        services.ConfigureActorRuntime(runtime =>
        {
            runtime.Site = node.Site;
            runtime.Host = node.Bind;
            runtime.Port = node.SiloPort;
        });

        // The container owns the silo or client and disposes it once, after the hosted service has stopped it.
        if (roles.HasFlag(NodeRoles.Silo))
        {
            services.AddSingleton(provider => new Silo(provider));
            AddMember<SiloHostedService>(services);
        }
        else
        {
            services.AddSingleton(provider => new ClusterClient(provider));
            AddMember<ClusterClientHostedService>(services);
        }
        return services;
    }

    private static void AddProviders(IServiceCollection services, NodeOptions node, NodeRoles roles)
    {
        if (node.ConnectionString is { } connectionString)
        {
            NpgsqlDataSource dataSource;
            try
            {
                dataSource = NpgsqlDataSource.Create(connectionString);
            }
            catch (ArgumentException exception)
            {
                // The message of a malformed string may quote it; say only what is wrong with it.
                throw new NodeConfigurationException(
                    $"the PostgreSQL connection string (--postgres or ConnectionStrings__ContactCenter) is not valid: {exception.GetType().Name}");
            }
            services.AddPostgresActorProviders(dataSource);
            services.AddHostedService<DatabaseMigrationHostedService>();
            return;
        }
        if (!roles.HasFlag(NodeRoles.Silo))
        {
            throw new NodeConfigurationException(
                $"--roles {node.Roles} has no silo, so this node would be an external cluster client; a client needs a " +
                "cluster shared through PostgreSQL (--postgres), and in-memory providers live in one process. Add the silo role.");
        }
        services.AddInMemoryActorProviders(new InMemoryClusterStorage());
    }

    private static void AddMember<TMember>(IServiceCollection services)
        where TMember : class, IHostedService, IClusterNode
    {
        services.AddSingleton<TMember>();
        services.AddSingleton<IClusterNode>(provider => provider.GetRequiredService<TMember>());
        services.AddHostedService(provider => provider.GetRequiredService<TMember>());
    }
}
