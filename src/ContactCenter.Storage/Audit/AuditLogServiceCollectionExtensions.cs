using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace ContactCenter.Storage.Audit;

/// <summary>Registration of the audit log the API writes and admins read.</summary>
public static class AuditLogServiceCollectionExtensions
{
    /// <summary>Registers the in-memory <see cref="IAuditLog"/> (single node, demo, tests), stamping entries with the
    /// registered <see cref="TimeProvider"/> (the system clock when none is), unless a log is registered already.</summary>
    public static IServiceCollection AddInMemoryAuditLog(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IAuditLog, InMemoryAuditLog>();
        return services;
    }

    /// <summary>Registers the PostgreSQL <see cref="IAuditLog"/> on <paramref name="dataSource"/> (the database shared
    /// by the cluster), unless a log is registered already. Run <c>MigrateStorageAsync</c> before first use.</summary>
    public static IServiceCollection AddPostgresAuditLog(this IServiceCollection services, NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(dataSource);
        services.TryAddSingleton(dataSource);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IAuditLog>(provider =>
            new PostgresAuditLog(dataSource, provider.GetRequiredService<TimeProvider>()));
        return services;
    }
}
