using System.Diagnostics.Metrics;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.Ivr;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ContactCenter.Storage.Documents;

/// <summary>Registration of the configuration document store and of the grains' configuration sources over it.</summary>
public static class DocumentStoreServiceCollectionExtensions
{
    /// <summary>Registers the in-memory <see cref="IDocumentStore"/> (single node, demo, tests), behind the
    /// <see cref="CachingDocumentStore"/> as every store is, and <see cref="StoreConfigurationSource"/> as
    /// <see cref="IAgentConfigurationSource"/>, <see cref="IQueueConfigurationSource"/> and
    /// <see cref="ISiteConfigurationSource"/>, replacing sources registered before (the grains' in-memory
    /// defaults).</summary>
    public static IServiceCollection AddInMemoryDocumentStore(this IServiceCollection services)
    {
        services.TryAddSingleton(provider => new InMemoryDocumentStore(provider.GetService<ILogger<InMemoryDocumentStore>>()));
        return services.AddCachedDocumentStore<InMemoryDocumentStore>().AddStoreConfigurationSources();
    }

    /// <summary>Registers the PostgreSQL <see cref="IDocumentStore"/> on <paramref name="dataSource"/> (the database
    /// shared by the cluster) behind the <see cref="CachingDocumentStore"/>, its
    /// <see cref="PostgresDocumentChangeListener"/> as a hosted service (other processes' writes raise
    /// <see cref="IDocumentStore.Changed"/> here and keep the cache fresh; until it listens, reads go to the database)
    /// and the configuration sources as <see cref="AddInMemoryDocumentStore"/> does. Run <c>MigrateStorageAsync</c>
    /// before first use.</summary>
    public static IServiceCollection AddPostgresDocumentStore(this IServiceCollection services, NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        services.TryAddSingleton(dataSource);
        services.TryAddSingleton(TimeProvider.System);
        services.AddDocumentStoreMetrics();
        services.TryAddSingleton(provider => new PostgresDocumentStore(
            dataSource, provider.GetRequiredService<TimeProvider>(), provider.GetService<ILogger<PostgresDocumentStore>>(),
            provider.GetRequiredService<DocumentStoreMetrics>()));
        services.TryAddSingleton(provider => new PostgresDocumentChangeListener(
            dataSource, provider.GetRequiredService<PostgresDocumentStore>(), provider.GetRequiredService<TimeProvider>(),
            provider.GetService<ILogger<PostgresDocumentChangeListener>>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, PostgresDocumentChangeListener>(
            provider => provider.GetRequiredService<PostgresDocumentChangeListener>()));
        return services.AddCachedDocumentStore<PostgresDocumentStore>().AddStoreConfigurationSources();
    }

    /// <summary>The <see cref="IDocumentStore"/> everyone gets: the cache over the provider's store.</summary>
    private static IServiceCollection AddCachedDocumentStore<TStore>(this IServiceCollection services)
        where TStore : class, IDocumentStore
    {
        services.AddDocumentStoreMetrics();
        services.TryAddSingleton(provider => new CachingDocumentStore(provider.GetRequiredService<TStore>(),
            provider.GetRequiredService<DocumentStoreMetrics>(), provider.GetService<ILogger<CachingDocumentStore>>()));
        services.TryAddSingleton<IDocumentStore>(provider => provider.GetRequiredService<CachingDocumentStore>());
        return services;
    }

    private static IServiceCollection AddDocumentStoreMetrics(this IServiceCollection services)
    {
        services.TryAddSingleton(provider => new DocumentStoreMetrics(provider.GetService<IMeterFactory>()));
        return services;
    }

    private static IServiceCollection AddStoreConfigurationSources(this IServiceCollection services)
    {
        services.TryAddSingleton<StoreConfigurationSource>();
        services.Replace(ServiceDescriptor.Singleton<IAgentConfigurationSource>(
            provider => provider.GetRequiredService<StoreConfigurationSource>()));
        services.Replace(ServiceDescriptor.Singleton<IQueueConfigurationSource>(
            provider => provider.GetRequiredService<StoreConfigurationSource>()));
        services.Replace(ServiceDescriptor.Singleton<ISiteConfigurationSource>(
            provider => provider.GetRequiredService<StoreConfigurationSource>()));
        services.Replace(ServiceDescriptor.Singleton<IIvrTreeSource>(
            provider => provider.GetRequiredService<StoreConfigurationSource>()));
        return services;
    }
}
