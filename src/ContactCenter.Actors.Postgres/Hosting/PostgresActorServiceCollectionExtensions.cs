using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace ContactCenter.Actors.Postgres;

public static class PostgresActorServiceCollectionExtensions
{
    /// <summary>The migrations of the runtime's own tables (module <c>actors</c>).</summary>
    public static Task<int> MigrateActorsAsync(this MigrationRunner runner, CancellationToken cancellationToken = default) =>
        runner.MigrateAsync("actors", typeof(MigrationRunner).Assembly, ".Migrations.Scripts.", cancellationToken);

    /// <summary>Registers the PostgreSQL state storage and event journal on <paramref name="dataSource"/>. Membership,
    /// directory and reminders on PostgreSQL come next; until then a cluster needs all five, so the host does not use
    /// these yet.</summary>
    public static IServiceCollection AddPostgresStateAndJournal(this IServiceCollection services, NpgsqlDataSource dataSource)
    {
        services.TryAddSingleton(dataSource);
        services.TryAddSingleton<PostgresClock>();
        services.TryAddSingleton<IGrainStateStorage, PostgresGrainStateStorage>();
        services.TryAddSingleton<IEventJournal, PostgresEventJournal>();
        return services;
    }
}
