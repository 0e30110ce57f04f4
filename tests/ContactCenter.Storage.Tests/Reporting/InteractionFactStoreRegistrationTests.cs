using ContactCenter.Contracts.Reporting;
using ContactCenter.Storage.Reporting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ContactCenter.Storage.Tests.Reporting;

public sealed class InteractionFactStoreRegistrationTests
{
    [Fact]
    public void The_in_memory_store_is_one_singleton()
    {
        using var provider = new ServiceCollection().AddInMemoryInteractionFactStore().BuildServiceProvider();

        var store = provider.GetRequiredService<IInteractionFactStore>();

        Assert.IsType<InMemoryInteractionFactStore>(store);
        Assert.Same(store, provider.GetRequiredService<IInteractionFactStore>());
    }

    [Fact]
    public async Task The_postgres_store_is_registered_on_the_given_data_source()
    {
        // Building the store opens no connection, so any well-formed connection string will do.
        await using var dataSource = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Database=none");
        await using var provider = new ServiceCollection().AddPostgresInteractionFactStore(dataSource).BuildServiceProvider();

        var store = Assert.IsType<PostgresInteractionFactStore>(provider.GetRequiredService<IInteractionFactStore>());

        Assert.Same(store, provider.GetRequiredService<IInteractionFactStore>());
        Assert.Same(dataSource, provider.GetRequiredService<NpgsqlDataSource>());
    }

    [Fact]
    public async Task A_store_registered_earlier_is_kept()
    {
        await using var dataSource = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Database=none");
        using var provider = new ServiceCollection()
            .AddInMemoryInteractionFactStore()
            .AddPostgresInteractionFactStore(dataSource)
            .BuildServiceProvider();

        Assert.IsType<InMemoryInteractionFactStore>(provider.GetRequiredService<IInteractionFactStore>());
    }
}
