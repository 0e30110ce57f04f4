using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace ContactCenter.Storage.Contacts;

/// <summary>Registration of the contact directory in a service collection.</summary>
public static class ContactDirectoryServiceCollectionExtensions
{
    /// <summary>Registers the in-memory <see cref="IContactDirectory"/> (single node, demo, tests), stamping times
    /// with the registered <see cref="TimeProvider"/> (the system clock when none is).</summary>
    public static IServiceCollection AddInMemoryContactDirectory(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IContactDirectory, InMemoryContactDirectory>();
        return services;
    }

    /// <summary>Registers the PostgreSQL <see cref="IContactDirectory"/> on <paramref name="dataSource"/> (the
    /// database shared by the cluster). Run <c>MigrateStorageAsync</c> before first use.</summary>
    public static IServiceCollection AddPostgresContactDirectory(this IServiceCollection services, NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        services.TryAddSingleton(dataSource);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IContactDirectory>(provider =>
            new PostgresContactDirectory(dataSource, provider.GetRequiredService<TimeProvider>()));
        return services;
    }
}
