using ContactCenter.Storage.Audit;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ContactCenter.Storage.Tests.Audit;

public sealed class AuditLogRegistrationTests
{
    [Fact]
    public void The_in_memory_log_is_one_singleton()
    {
        using var provider = new ServiceCollection().AddInMemoryAuditLog().BuildServiceProvider();

        var log = provider.GetRequiredService<IAuditLog>();

        Assert.IsType<InMemoryAuditLog>(log);
        Assert.Same(log, provider.GetRequiredService<IAuditLog>());
    }

    [Fact]
    public async Task The_postgres_log_is_registered_on_the_given_data_source()
    {
        // Building the log opens no connection, so any well-formed connection string will do.
        await using var dataSource = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Database=none");
        await using var provider = new ServiceCollection().AddPostgresAuditLog(dataSource).BuildServiceProvider();

        var log = Assert.IsType<PostgresAuditLog>(provider.GetRequiredService<IAuditLog>());

        Assert.Same(log, provider.GetRequiredService<IAuditLog>());
        Assert.Same(dataSource, provider.GetRequiredService<NpgsqlDataSource>());
    }

    [Fact]
    public async Task A_log_registered_earlier_is_kept()
    {
        await using var dataSource = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Database=none");
        using var provider = new ServiceCollection().AddInMemoryAuditLog().AddPostgresAuditLog(dataSource).BuildServiceProvider();

        Assert.IsType<InMemoryAuditLog>(provider.GetRequiredService<IAuditLog>());
    }
}
