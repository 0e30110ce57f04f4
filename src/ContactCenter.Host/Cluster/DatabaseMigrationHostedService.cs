using ContactCenter.Actors.Postgres;
using ContactCenter.Storage.Migrations;
using Npgsql;

namespace ContactCenter.Host.Cluster;

/// <summary>Brings the cluster database's schema up to date before the silo or client starts (registered ahead of
/// them; several nodes starting at once are safe — the runner serialises on an advisory lock).</summary>
internal sealed partial class DatabaseMigrationHostedService(NpgsqlDataSource dataSource, ILogger<DatabaseMigrationHostedService> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var target = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
        int applied;
        try
        {
            var runner = new MigrationRunner(dataSource);
            applied = await runner.MigrateActorsAsync(cancellationToken);
            applied += await runner.MigrateStorageAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
        {
            // Name the server, never the credentials.
            throw new InvalidOperationException(
                $"cannot prepare the cluster database {target.Database} on {target.Host}:{target.Port}: {exception.Message}", exception);
        }
        LogMigrated(applied, target.Database, target.Host);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(120, LogLevel.Information, "Cluster database {Database} on {Server} is up to date ({Applied} migrations applied)")]
    private partial void LogMigrated(int applied, string? database, string? server);
}
