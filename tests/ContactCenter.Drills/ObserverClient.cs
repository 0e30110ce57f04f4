using ContactCenter.Actors;
using ContactCenter.Actors.Drills;
using ContactCenter.Actors.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ContactCenter.Drills;

/// <summary>The <c>observer-client</c> command: a client-only process that attaches an observer to one drill grain
/// and waits, so a test can kill it and see the grain's next call to the observer fail fast.</summary>
internal sealed class ObserverClient : IDrillObserver
{
    public Task NotifyAsync(string message)
    {
        Console.WriteLine($"notified: {message}");
        return Task.CompletedTask;
    }

    public static async Task<int> RunAsync(string connectionString, string grainKey, CancellationToken cancellationToken)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var membershipDataSource = NpgsqlDataSource.Create(connectionString);
        var services = new ServiceCollection();
        services.AddPostgresActorProviders(dataSource, membershipDataSource);
        services.AddFailoverDrill();
        await using var provider = services.BuildServiceProvider();
        await using var client = new ClusterClient(provider);
        await client.StartAsync(cancellationToken);
        var observer = client.CreateObjectReference<IDrillObserver>(new ObserverClient());
        await client.GetGrain<IDrillGrain>(grainKey).AttachAsync(observer);
        Console.WriteLine($"attached {client.Address}");
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C: leave the cluster gracefully.
        }
        return 0;
    }
}
