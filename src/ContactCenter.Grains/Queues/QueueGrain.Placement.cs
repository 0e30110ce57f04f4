using System.Collections.Immutable;
using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.Routing;
using ContactCenter.Grains.Routing;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Grains.Queues;

internal sealed partial class QueueGrain
{
    /// <summary>Push routing for every waiting item not yet offered, in waiting order: the push function ranks the
    /// queue's agents on their newest known snapshots (<see cref="AgentSnapshotsAsync"/>) and the best one's arbiter is
    /// asked for a slot; on refusal the next-ranked agent is asked. Runs inside one turn, so the waiting list cannot
    /// change under it. The offers made, and whatever the turn staged before them (an arrival), are confirmed in one
    /// append before any owner is told of its offer.</summary>
    private async Task PlaceAsync(Queue? queue)
    {
        List<(string WorkId, string AgentId)> offers;
        try
        {
            offers = await OfferWaitingAsync(queue);
            await FlushAsync();
        }
        catch when (Version != ConfirmedVersion)
        {
            // Staged events (an arrival, offers) were never confirmed and the turn fails: this activation must not
            // keep them in its state.
            DeactivateOnIdle();
            throw;
        }
        foreach (var (workId, agentId) in offers)
        {
            await NotifyOfferedAsync(workId, agentId, queue!);
        }
    }

    /// <summary>Reserves an agent for each waiting item that can have one and stages its offer.</summary>
    private async Task<List<(string WorkId, string AgentId)>> OfferWaitingAsync(Queue? queue)
    {
        var offers = new List<(string WorkId, string AgentId)>();
        if (queue is null || Current.Agents.IsEmpty || !Current.Waiting.NotOffered().Any())
        {
            return offers;
        }
        var snapshots = await AgentSnapshotsAsync(queue);
        foreach (var work in Current.Waiting.NotOffered().ToList())
        {
            if (!snapshots.Values.Any(a => Eligibility.CanReserve(a, work.Medium)))
            {
                continue;
            }
            var decision = PushRouter.Decide(QueueRules.PushInputFor(work, queue, [.. snapshots.Values], Now));
            var refused = ImmutableArray.CreateBuilder<string>();
            foreach (var candidate in decision.Candidates.Where(c => c.Rank > 0).OrderBy(c => c.Rank))
            {
                var granted = await TryReserveAsync(candidate.AgentId, QueueRules.ReservationFor(work, queue));
                if (await SnapshotOrNullAsync(candidate.AgentId) is { } fresh)
                {
                    Remember(fresh);
                    snapshots[candidate.AgentId] = fresh;
                }
                else
                {
                    snapshots.Remove(candidate.AgentId);
                }
                if (!granted)
                {
                    refused.Add(candidate.AgentId);
                    continue;
                }
                var offer = Stage("offer",
                    QueueRules.Offer(Current, work.Id, candidate.AgentId, PushRouter.ForRecord(decision, candidate.Rank), refused.ToImmutable(), Now));
                if (offer.Accepted)
                {
                    LogOffered(QueueId, work.Id, candidate.AgentId, decision.Rule.ToString(), candidate.Rank);
                    offers.Add((work.Id, candidate.AgentId));
                }
                else
                {
                    await ReleaseAsync(candidate.AgentId, work.Id, ReleaseReason.Withdrawn);
                }
                break;
            }
        }
        return offers;
    }

    private async Task<AgentSnapshot?> SnapshotOrNullAsync(string agentId)
    {
        try
        {
            return await GrainFactory.GetGrain<IAgentGrain>(agentId).GetSnapshotAsync();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogAgentUnreachable(QueueId, agentId, "snapshot", exception.Message);
            return null;
        }
    }

    private async Task<bool> TryReserveAsync(string agentId, ReservationRequest request)
    {
        try
        {
            var result = await GrainFactory.GetGrain<IAgentGrain>(agentId).TryReserveAsync(request);
            if (!result.Granted)
            {
                LogReservationRefused(QueueId, request.WorkId, agentId, result.Refusal?.ToString() ?? result.Error?.ToString());
            }
            return result.Granted;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogAgentUnreachable(QueueId, agentId, "reserve", exception.Message);
            return false;
        }
    }

    /// <summary>Gives an agent's slot back; best effort, because the agent grain frees stale slots by its own deadlines.
    /// The agent is read afresh at the next placement, which may offer it the next work at once.</summary>
    private async Task ReleaseAsync(string agentId, string workId, ReleaseReason reason)
    {
        _agentSnapshots.Remove(agentId);
        try
        {
            await GrainFactory.GetGrain<IAgentGrain>(agentId).ReleaseAsync(workId, reason);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogAgentUnreachable(QueueId, agentId, "release", exception.Message);
        }
    }

    [LoggerMessage(4203, LogLevel.Debug, "Queue {QueueId}: work {WorkId} offered to {AgentId} ({Rule}, rank {Rank})")]
    private partial void LogOffered(string queueId, string workId, string agentId, string rule, int rank);

    [LoggerMessage(4204, LogLevel.Debug, "Queue {QueueId}: agent {AgentId} refused work {WorkId}: {Reason}")]
    private partial void LogReservationRefused(string queueId, string workId, string agentId, string? reason);

    [LoggerMessage(4205, LogLevel.Warning, "Queue {QueueId}: agent {AgentId} unreachable for {Operation}: {Error}")]
    private partial void LogAgentUnreachable(string queueId, string agentId, string operation, string error);
}
