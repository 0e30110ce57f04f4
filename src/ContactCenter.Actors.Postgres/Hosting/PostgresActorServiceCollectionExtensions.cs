using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace ContactCenter.Actors.Postgres;

public static class PostgresActorServiceCollectionExtensions
{
    /// <summary>The migrations of the runtime's own tables (module <c>actors</c>).</summary>
    public static Task<int> MigrateActorsAsync(this MigrationRunner runner, CancellationToken cancellationToken = default) =>
        runner.MigrateAsync("actors", typeof(MigrationRunner).Assembly, ".Migrations.Scripts.", cancellationToken);

    /// <summary>Registers all five runtime providers on PostgreSQL (the database shared by every node of the cluster).
    /// Give membership its own <paramref name="membershipDataSource"/> (a small pool of its own) so that lease renewals
    /// never queue behind application traffic for a connection: a busy pool would otherwise make a healthy silo fence
    /// itself. Run <see cref="MigrateActorsAsync"/> before starting the silo or client.</summary>
    public static IServiceCollection AddPostgresActorProviders(
        this IServiceCollection services, NpgsqlDataSource dataSource, NpgsqlDataSource? membershipDataSource = null)
    {
        services.TryAddSingleton(dataSource);
        services.TryAddSingleton<PostgresClock>();
        services.TryAddSingleton<IMembershipTable>(
            provider => new PostgresMembershipTable(membershipDataSource ?? dataSource, provider.GetRequiredService<PostgresClock>()));
        services.TryAddSingleton<IGrainDirectory, PostgresGrainDirectory>();
        services.TryAddSingleton<IGrainStateStorage, PostgresGrainStateStorage>();
        services.TryAddSingleton<IEventJournal, PostgresEventJournal>();
        services.TryAddSingleton<IReminderTable, PostgresReminderTable>();
        return services;
    }
}
