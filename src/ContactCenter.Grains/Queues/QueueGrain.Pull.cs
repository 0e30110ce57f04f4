using System.Collections.Immutable;
using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Queues;
using ContactCenter.Contracts.Routing;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Grains.Queues;

internal sealed partial class QueueGrain
{
    public Task<ImmutableArray<WorkItem>> GetHeadsAsync(AgentSnapshot agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        return Task.FromResult(Current.Waiting.HeadsFor(agent, Now));
    }

    public async Task<QueueCommandResult> ClaimAsync(PullDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var agentId = decision.Input.Agent.AgentId;
        if (decision.ChosenWorkItemId is not { } workId || decision.ChosenQueueId != QueueId)
        {
            return new QueueCommandResult(false, false, QueueCommandError.InvalidRequest,
                $"the pull decision chose no work of queue {QueueId}");
        }
        if (QueueRules.CheckClaim(Current, workId, agentId, Now) is { } refused)
        {
            LogCommandRefused(QueueId, "claim", refused.Error?.ToString(), refused.Message);
            return refused.ToResult();
        }
        var queue = await ReadQueueAsync();
        if (queue is null)
        {
            return new QueueCommandResult(false, false, QueueCommandError.QueueNotFound, $"queue {QueueId} is not configured");
        }
        var work = Current.Find(workId)!;
        if (!await TryReserveAsync(agentId, QueueRules.ReservationFor(work, queue) with { Pulled = true }))
        {
            return new QueueCommandResult(false, false, QueueCommandError.ReservationRefused,
                $"agent {agentId} refused work {workId}");
        }
        // Turns do not interleave, so the waiting list is as checked: the claim holds.
        var claimed = await CommitAsync("claim", QueueRules.Claim(Current, decision, Now));
        if (claimed.Accepted)
        {
            LogClaimed(QueueId, workId, agentId, decision.Rule.ToString());
            await NotifyOfferedAsync(workId, agentId, queue);
        }
        else
        {
            await ReleaseAsync(agentId, workId, ReleaseReason.Withdrawn);
        }
        ArmTimers(queue);
        return claimed.ToResult();
    }

    [LoggerMessage(4207, LogLevel.Debug, "Queue {QueueId}: agent {AgentId} pulled work {WorkId} ({Rule})")]
    private partial void LogClaimed(string queueId, string workId, string agentId, string rule);
}
