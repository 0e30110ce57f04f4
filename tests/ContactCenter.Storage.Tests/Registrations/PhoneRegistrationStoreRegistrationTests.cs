using ContactCenter.Storage.Registrations;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ContactCenter.Storage.Tests.Registrations;

public sealed class PhoneRegistrationStoreRegistrationTests
{
    [Fact]
    public void The_in_memory_store_is_one_singleton()
    {
        using var provider = new ServiceCollection().AddInMemoryPhoneRegistrationStore().BuildServiceProvider();

        var store = provider.GetRequiredService<IPhoneRegistrationStore>();

        Assert.IsType<InMemoryPhoneRegistrationStore>(store);
        Assert.Same(store, provider.GetRequiredService<IPhoneRegistrationStore>());
    }

    [Fact]
    public async Task The_postgres_store_is_registered_on_the_given_data_source()
    {
        // Building the store opens no connection, so any well-formed connection string will do.
        await using var dataSource = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Database=none");
        await using var provider = new ServiceCollection().AddPostgresPhoneRegistrationStore(dataSource).BuildServiceProvider();

        var store = Assert.IsType<PostgresPhoneRegistrationStore>(provider.GetRequiredService<IPhoneRegistrationStore>());

        Assert.Same(store, provider.GetRequiredService<IPhoneRegistrationStore>());
        Assert.Same(dataSource, provider.GetRequiredService<NpgsqlDataSource>());
    }

    [Fact]
    public async Task A_store_registered_earlier_is_kept()
    {
        await using var dataSource = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Database=none");
        using var provider = new ServiceCollection().AddInMemoryPhoneRegistrationStore().AddPostgresPhoneRegistrationStore(dataSource).BuildServiceProvider();

        Assert.IsType<InMemoryPhoneRegistrationStore>(provider.GetRequiredService<IPhoneRegistrationStore>());
    }
}
