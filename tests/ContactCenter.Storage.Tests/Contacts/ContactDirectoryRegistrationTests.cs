using ContactCenter.Storage.Contacts;
using ContactCenter.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ContactCenter.Storage.Tests.Contacts;

public sealed class ContactDirectoryRegistrationTests
{
    [Fact]
    public void The_in_memory_directory_is_one_singleton_on_the_registered_clock()
    {
        var clock = new FakeTimeProvider();
        using var provider = new ServiceCollection().AddSingleton<TimeProvider>(clock).AddInMemoryContactDirectory().BuildServiceProvider();

        var directory = provider.GetRequiredService<IContactDirectory>();

        Assert.IsType<InMemoryContactDirectory>(directory);
        Assert.Same(directory, provider.GetRequiredService<IContactDirectory>());
    }

    [Fact]
    public async Task The_postgres_directory_is_registered_on_the_given_data_source()
    {
        // Building the directory opens no connection, so any well-formed connection string will do.
        await using var dataSource = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Database=none");
        await using var provider = new ServiceCollection().AddPostgresContactDirectory(dataSource).BuildServiceProvider();

        Assert.IsType<PostgresContactDirectory>(provider.GetRequiredService<IContactDirectory>());
        Assert.Same(dataSource, provider.GetRequiredService<NpgsqlDataSource>());
        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
    }
}
