using ContactCenter.Actors.Postgres;

namespace ContactCenter.Storage.Migrations;

/// <summary>The storage module's tables in the shared migration runner.</summary>
public static class StorageMigrations
{
    /// <summary>Applies the storage module's scripts (module <see cref="StorageModule.Name"/>): contacts, configuration
    /// documents, projections, the audit log and agents' phone registrations. Run it at start-up beside
    /// <c>MigrateActorsAsync</c>; concurrent starts are safe.</summary>
    public static Task<int> MigrateStorageAsync(this MigrationRunner runner, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runner);
        return runner.MigrateAsync(StorageModule.Name, typeof(StorageMigrations).Assembly, ".Migrations.Scripts.", cancellationToken);
    }
}
