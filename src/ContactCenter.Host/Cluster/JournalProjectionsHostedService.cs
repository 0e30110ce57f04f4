using ContactCenter.Actors;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.LiveViews;
using ContactCenter.Contracts.Reporting;

namespace ContactCenter.Host.Cluster;

/// <summary>Wakes the journal projections (interaction facts, the site's live aggregate) once this silo is up. They are
/// grains, one each in the cluster: the first silo's call activates them, later calls find them running; from then on
/// their reminders keep them alive and move them on failover. Does not hold up start-up: a failure is logged and the
/// next silo start tries again (once activated, a projection's reminder brings it back by itself).</summary>
internal sealed partial class JournalProjectionsHostedService(Silo silo, ILogger<JournalProjectionsHostedService> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = WakeAsync();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task WakeAsync()
    {
        try
        {
            await Task.WhenAll(
                silo.GrainFactory.GetGrain<IInteractionFactsProjection>(IInteractionFactsProjection.Key).GetPositionAsync(),
                silo.GrainFactory.GetGrain<ISiteLiveView>(SiteSettings.SiteId).GetPositionAsync());
        }
        catch (Exception exception)
        {
            LogWakeFailed(exception.Message);
        }
    }

    [LoggerMessage(130, LogLevel.Warning, "The journal projections could not be started yet (they retry by reminder): {Error}")]
    private partial void LogWakeFailed(string error);
}
