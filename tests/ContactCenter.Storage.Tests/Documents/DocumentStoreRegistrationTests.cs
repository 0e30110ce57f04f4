using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.Ivr;
using ContactCenter.Storage.Documents;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace ContactCenter.Storage.Tests.Documents;

public sealed class DocumentStoreRegistrationTests
{
    [Fact]
    public void The_cached_in_memory_store_backs_both_configuration_sources_replacing_earlier_ones()
    {
        using var provider = new ServiceCollection()
            .AddSingleton<IAgentConfigurationSource>(_ => throw new InvalidOperationException("replaced"))
            .AddSingleton<IQueueConfigurationSource>(_ => throw new InvalidOperationException("replaced"))
            .AddInMemoryDocumentStore()
            .BuildServiceProvider();

        var store = provider.GetRequiredService<IDocumentStore>();
        var agents = provider.GetRequiredService<IAgentConfigurationSource>();

        Assert.IsType<InMemoryDocumentStore>(Assert.IsType<CachingDocumentStore>(store).Inner);
        Assert.Same(store, provider.GetRequiredService<IDocumentStore>());
        Assert.IsType<StoreConfigurationSource>(agents);
        Assert.Same(agents, provider.GetRequiredService<IQueueConfigurationSource>());
        Assert.Same(agents, provider.GetRequiredService<IIvrTreeSource>());
    }

    [Fact]
    public async Task The_cached_postgres_store_is_registered_on_the_given_data_source_with_its_listener()
    {
        // Building the store and the listener opens no connection, so any well-formed connection string will do.
        await using var dataSource = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Database=none");
        await using var provider = new ServiceCollection().AddPostgresDocumentStore(dataSource).BuildServiceProvider();

        var cache = Assert.IsType<CachingDocumentStore>(provider.GetRequiredService<IDocumentStore>());
        var store = Assert.IsType<PostgresDocumentStore>(cache.Inner);
        Assert.Same(store, provider.GetRequiredService<PostgresDocumentStore>());
        Assert.False(store.IsComplete, "nothing is cached before the listener listens");
        Assert.Same(dataSource, provider.GetRequiredService<NpgsqlDataSource>());
        Assert.Contains(provider.GetServices<IHostedService>(), s => s is PostgresDocumentChangeListener);
        Assert.IsType<StoreConfigurationSource>(provider.GetRequiredService<IAgentConfigurationSource>());
        Assert.IsType<StoreConfigurationSource>(provider.GetRequiredService<IQueueConfigurationSource>());
        Assert.IsType<StoreConfigurationSource>(provider.GetRequiredService<IIvrTreeSource>());
    }
}
