using ContactCenter.Actors;
using ContactCenter.Actors.InMemory;
using ContactCenter.Host.Configuration;

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
        if (node.ConnectionString is not null)
        {
            // Say so rather than run on in-memory providers that nobody else shares.
            throw new NodeConfigurationException(
                "a PostgreSQL connection string is set (--postgres or ConnectionStrings__ContactCenter), but the PostgreSQL " +
                "providers are not implemented yet. Run without a connection string for a single node on the in-memory providers.");
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
