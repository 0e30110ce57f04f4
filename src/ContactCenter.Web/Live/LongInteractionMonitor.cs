using ContactCenter.Actors;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Storage.Documents;
using ContactCenter.Web.Hubs;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Web.Live;

/// <summary>Raises the over-long interaction alerts (SUP-2) on this web node: every <see cref="CheckPeriod"/> it asks
/// the <see cref="LongInteractionWatch"/> — which the <see cref="LiveFeed"/> keeps up to date — against the site's
/// current <see cref="SiteSettings.LongInteractionAlertAfter"/>, and posts what is due to the <see cref="AlertBoard"/>.
/// Its first pass reads every agent's status, for conversations that began before this node started.</summary>
public sealed partial class LongInteractionMonitor(LongInteractionWatch watch, AlertBoard board, IDocumentStore documents,
    IGrainFactory grains, TimeProvider time, ILogger<LongInteractionMonitor> logger) : IHostedService, IAsyncDisposable
{
    /// <summary>How often conversations are checked: alerts come at most this late.</summary>
    public static readonly TimeSpan CheckPeriod = TimeSpan.FromSeconds(5);

    private readonly CancellationTokenSource _stopping = new();
    private ITimer? _timer;
    private bool _seeded;
    private int _running;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _timer = time.CreateTimer(_ => _ = CheckAsync(), null, CheckPeriod, CheckPeriod);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        if (_timer is not null)
        {
            await _timer.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_timer is not null)
        {
            await _timer.DisposeAsync();
        }
        _stopping.Dispose();
    }

    /// <summary>One pass; a pass still running when the next tick comes makes that tick a no-op.</summary>
    public async Task CheckAsync()
    {
        if (Interlocked.Exchange(ref _running, 1) == 1)
        {
            return;
        }
        try
        {
            var cancellationToken = _stopping.Token;
            if (!_seeded)
            {
                foreach (var status in await AgentStatuses.ListAsync(documents, grains, cancellationToken))
                {
                    watch.Observe(status);
                }
                _seeded = true;
            }
            var settings = await documents.GetAsync<SiteSettings>(SiteSettings.SiteId, cancellationToken) ?? new SiteSettings();
            foreach (var alert in watch.Check(time.GetUtcNow(), settings.LongInteractionAlertAfter))
            {
                board.Post(alert);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogCheckFailed(exception.Message);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
        finally
        {
            Volatile.Write(ref _running, 0);
        }
    }

    [LoggerMessage(5120, LogLevel.Warning, "Checking for over-long interactions failed (tried again in a moment): {Error}")]
    private partial void LogCheckFailed(string error);
}
