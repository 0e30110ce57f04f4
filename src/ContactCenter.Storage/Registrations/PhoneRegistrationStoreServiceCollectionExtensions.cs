using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ContactCenter.Storage.Registrations;

/// <summary>Registration of the store where the SIP front ends keep agents' phone registrations.</summary>
public static class PhoneRegistrationStoreServiceCollectionExtensions
{
    /// <summary>Registers the in-memory <see cref="IPhoneRegistrationStore"/> (single node, demo, tests: shared only by
    /// the front ends of this process), unless a store is registered already.</summary>
    public static IServiceCollection AddInMemoryPhoneRegistrationStore(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<IPhoneRegistrationStore, InMemoryPhoneRegistrationStore>();
        return services;
    }

    /// <summary>Registers the PostgreSQL <see cref="IPhoneRegistrationStore"/> on <paramref name="dataSource"/> (the
    /// database shared by the site, so every front end rings any registered phone), unless a store is registered
    /// already. Run <c>MigrateStorageAsync</c> before first use.</summary>
    public static IServiceCollection AddPostgresPhoneRegistrationStore(this IServiceCollection services, NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(dataSource);
        services.TryAddSingleton(dataSource);
        services.TryAddSingleton(provider => new PhoneRegistrationMetrics(provider.GetService<IMeterFactory>()));
        services.TryAddSingleton<IPhoneRegistrationStore>(provider => new PostgresPhoneRegistrationStore(
            dataSource, provider.GetService<ILogger<PostgresPhoneRegistrationStore>>(), provider.GetRequiredService<PhoneRegistrationMetrics>()));
        return services;
    }
}
