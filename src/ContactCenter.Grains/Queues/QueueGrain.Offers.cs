using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.Queues;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Grains.Queues;

internal sealed partial class QueueGrain
{
    // Transient: the offer check timer, running while any offer is outstanding; an activation re-creates it.
    private IDisposable? _offerCheckTimer;

    /// <summary>Runs the offer check every ring timeout while offers are outstanding, and stops it when none is. An
    /// agent grain frees a slot by its own deadlines (reservation timeout, ring-no-answer) without telling the queue,
    /// so the queue reconciles: work the agent no longer holds goes back to its place.</summary>
    private void ArmOfferCheckTimer(Queue? queue)
    {
        if (queue is null || !Current.Waiting.Offers.Any())
        {
            _offerCheckTimer?.Dispose();
            _offerCheckTimer = null;
            return;
        }
        if (_offerCheckTimer is null)
        {
            var period = queue.RingTimeout > TimeSpan.Zero ? queue.RingTimeout : TimeSpan.FromSeconds(20);
            _offerCheckTimer = RegisterGrainTimer(_ => CheckOffersAsync(), period, period);
        }
    }

    /// <summary>Returns every offer whose agent no longer holds the work (freed by its reservation or ring deadline, or
    /// lost with its silo's state) as timed out, then offers the waiting work again.</summary>
    private async Task CheckOffersAsync()
    {
        var returned = 0;
        foreach (var (workId, agentId) in Current.Waiting.Offers.ToList())
        {
            if (await HoldsAsync(agentId, workId) is not false || Current.Waiting.OfferedTo(workId) != agentId)
            {
                continue;
            }
            var offerId = Current.OfferIds.GetValueOrDefault(workId);
            var decision = await CommitAsync("offer check",
                QueueRules.ReturnOffer(Current, workId, agentId, ReleaseReason.Timeout, Now, offerId));
            if (!decision.Events.IsDefaultOrEmpty)
            {
                LogOfferLapsed(QueueId, workId, agentId);
                await NotifyAsync(Current.Owners.GetValueOrDefault(workId), new OfferLapsedNotice(QueueId, workId, agentId, offerId));
                returned++;
            }
        }
        var queue = await ReadQueueAsync();
        if (returned > 0)
        {
            await PlaceAsync(queue);
        }
        ArmTimers(queue);
    }

    /// <summary>Whether the agent still holds the work in a slot; null when the agent cannot be asked now.</summary>
    private async Task<bool?> HoldsAsync(string agentId, string workId)
    {
        try
        {
            var status = await GrainFactory.GetGrain<IAgentGrain>(agentId).GetStatusAsync();
            return status.Work.Any(w => string.Equals(w.WorkId, workId, StringComparison.Ordinal));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogAgentUnreachable(QueueId, agentId, "offer check", exception.Message);
            return null;
        }
    }

    [LoggerMessage(4206, LogLevel.Information, "Queue {QueueId}: agent {AgentId} no longer holds work {WorkId}; the offer lapsed")]
    private partial void LogOfferLapsed(string queueId, string workId, string agentId);
}
