using ContactCenter.Contracts.Reporting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace ContactCenter.Storage.Reporting;

/// <summary>Registration of the store the interaction-facts projection writes and reports read.</summary>
public static class InteractionFactStoreServiceCollectionExtensions
{
    /// <summary>Registers the in-memory <see cref="IInteractionFactStore"/> (single node, demo, tests), unless a store is
    /// registered already.</summary>
    public static IServiceCollection AddInMemoryInteractionFactStore(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<IInteractionFactStore, InMemoryInteractionFactStore>();
        return services;
    }

    /// <summary>Registers the PostgreSQL <see cref="IInteractionFactStore"/> on <paramref name="dataSource"/> (the
    /// database shared by the cluster), unless a store is registered already. Run <c>MigrateStorageAsync</c> before
    /// first use.</summary>
    public static IServiceCollection AddPostgresInteractionFactStore(this IServiceCollection services, NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(dataSource);
        services.TryAddSingleton(dataSource);
        services.TryAddSingleton<IInteractionFactStore>(_ => new PostgresInteractionFactStore(dataSource));
        return services;
    }
}
