using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace ContactCenter.Storage.Documents;

/// <summary>Relays document changes committed by other processes to a <see cref="PostgresDocumentStore"/>'s
/// <see cref="IDocumentStore.Changed"/>: one connection held in <c>LISTEN</c> on <see cref="PostgresDocumentStore.Channel"/>.
/// The store's own writes are left out (the writer raised them already). A lost connection is reopened after
/// <see cref="RetryDelay"/>; notifications sent meanwhile are lost, which is harmless for readers that read through
/// the store (they see the current version on their next read) and is why a cache must not trust notifications
/// alone: the store's <see cref="IDocumentChangeFeed"/> says complete only while <c>LISTEN</c> is in place, and
/// <see cref="CachingDocumentStore"/> empties itself whenever that changes.</summary>
public sealed partial class PostgresDocumentChangeListener(
    NpgsqlDataSource dataSource,
    PostgresDocumentStore store,
    TimeProvider timeProvider,
    ILogger<PostgresDocumentChangeListener>? logger = null) : BackgroundService
{
    /// <summary>Delay before reopening a lost listening connection.</summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    private readonly ILogger _logger = logger ?? NullLogger<PostgresDocumentChangeListener>.Instance;
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private int _connections;

    /// <summary>Completes once the first <c>LISTEN</c> is in place: changes committed after it are relayed.</summary>
    public Task Listening => _listening.Task;

    /// <summary>How many times a listening connection was opened (1 until one is lost and reopened).</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken).ConfigureAwait(false);
                connection.Notification += OnNotification;
                await using (var listen = new NpgsqlCommand($"LISTEN {PostgresDocumentStore.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken).ConfigureAwait(false);
                }
                Interlocked.Increment(ref _connections);
                // From here on every committed change reaches OnNotification; caches over the store may trust it.
                store.SetListening(true);
                _listening.TrySetResult();
                LogInformationListening(_logger, PostgresDocumentStore.Channel);
                while (true)
                {
                    await connection.WaitAsync(stoppingToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                // Whatever broke the connection (server restart, network, a terminated backend), listening goes on:
                // ending the service would silently stop relaying for the rest of the process's life.
                LogWarningListenFailed(_logger, error, RetryDelay);
            }
            finally
            {
                // Changes committed from now until the next LISTEN go unheard: caches over the store must not trust it.
                store.SetListening(false);
            }
            try
            {
                await Task.Delay(RetryDelay, timeProvider, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private void OnNotification(object sender, NpgsqlNotificationEventArgs notification)
    {
        if (notification.Channel != PostgresDocumentStore.Channel)
        {
            return;
        }
        if (DocumentChangePayload.Parse(notification.Payload) is not { } parsed)
        {
            LogWarningUnknownPayload(_logger, notification.Payload);
            return;
        }
        if (parsed.Origin != store.Origin)
        {
            store.RaiseRemote(parsed.Change);
        }
    }

    [LoggerMessage(EventId = 4110, Level = LogLevel.Information, Message = "Listening for document changes on {Channel}")]
    private static partial void LogInformationListening(ILogger logger, string channel);

    [LoggerMessage(EventId = 4111, Level = LogLevel.Warning,
        Message = "Listening for document changes failed; reconnecting in {Delay}")]
    private static partial void LogWarningListenFailed(ILogger logger, Exception error, TimeSpan delay);

    [LoggerMessage(EventId = 4112, Level = LogLevel.Warning, Message = "Ignored a document change notification: {Payload}")]
    private static partial void LogWarningUnknownPayload(ILogger logger, string payload);
}
