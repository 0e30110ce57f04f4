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
    /// <summary>Registers the in-memory <see cref="IDocumentStore"/> (single node, demo, tests) and
    /// <see cref="StoreConfigurationSource"/> as <see cref="IAgentConfigurationSource"/>,
    /// <see cref="IQueueConfigurationSource"/> and <see cref="ISiteConfigurationSource"/>, replacing sources registered before (the grains' in-memory
    /// defaults).</summary>
    public static IServiceCollection AddInMemoryDocumentStore(this IServiceCollection services)
    {
        services.TryAddSingleton<IDocumentStore>(provider =>
            new InMemoryDocumentStore(provider.GetService<ILogger<InMemoryDocumentStore>>()));
        return services.AddStoreConfigurationSources();
    }

    /// <summary>Registers the PostgreSQL <see cref="IDocumentStore"/> on <paramref name="dataSource"/> (the database
    /// shared by the cluster), its <see cref="PostgresDocumentChangeListener"/> as a hosted service (other processes'
    /// writes raise <see cref="IDocumentStore.Changed"/> here) and the configuration sources as
    /// <see cref="AddInMemoryDocumentStore"/> does. Run <c>MigrateStorageAsync</c> before first use.</summary>
    public static IServiceCollection AddPostgresDocumentStore(this IServiceCollection services, NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        services.TryAddSingleton(dataSource);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new DocumentStoreMetrics(provider.GetService<IMeterFactory>()));
        services.TryAddSingleton(provider => new PostgresDocumentStore(
            dataSource, provider.GetRequiredService<TimeProvider>(), provider.GetService<ILogger<PostgresDocumentStore>>(),
            provider.GetRequiredService<DocumentStoreMetrics>()));
        services.TryAddSingleton<IDocumentStore>(provider => provider.GetRequiredService<PostgresDocumentStore>());
        services.TryAddSingleton(provider => new PostgresDocumentChangeListener(
            dataSource, provider.GetRequiredService<PostgresDocumentStore>(), provider.GetRequiredService<TimeProvider>(),
            provider.GetService<ILogger<PostgresDocumentChangeListener>>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, PostgresDocumentChangeListener>(
            provider => provider.GetRequiredService<PostgresDocumentChangeListener>()));
        return services.AddStoreConfigurationSources();
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
