using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.Queues;
using ContactCenter.Contracts.Queues.Events;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Grains.Queues;

internal sealed partial class QueueGrain
{
    /// <summary>Tells the work's owner that the agent holds an offer of it.</summary>
    private Task NotifyOfferedAsync(string workId, string agentId, Queue queue) =>
        NotifyAsync(Current.Owners.GetValueOrDefault(workId),
            new WorkOfferedNotice(QueueId, workId, agentId, Current.OfferIds.GetValueOrDefault(workId), queue.RingTimeout,
                queue.WrapUpTime));

    /// <summary>Tells the owners of work that overflowed in <paramref name="decision"/>; <paramref name="owners"/> is
    /// the state before it, since overflowed work has left the queue.</summary>
    private async Task NotifyOverflowedAsync(QueueDecision decision, IReadOnlyDictionary<string, IWorkOwner> owners)
    {
        foreach (var overflowed in decision.Events.IsDefaultOrEmpty ? [] : decision.Events.OfType<WorkOverflowed>())
        {
            LogOverflowed(QueueId, overflowed.WorkId, overflowed.Condition.ToString(), overflowed.Target.Value);
            await NotifyAsync(owners.GetValueOrDefault(overflowed.WorkId),
                new WorkOverflowedNotice(QueueId, overflowed.WorkId, overflowed.Target));
        }
    }

    /// <summary>One-way: the owner acts in its own turn, never in the queue's.</summary>
    private async Task NotifyAsync(IWorkOwner? owner, QueueNotice notice)
    {
        if (owner is null)
        {
            return;
        }
        try
        {
            await owner.OnQueueNoticeAsync(notice);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogOwnerUnreachable(QueueId, notice.WorkId, notice.GetType().Name, exception.Message);
        }
    }

    [LoggerMessage(4208, LogLevel.Warning, "Queue {QueueId}: the owner of work {WorkId} could not be told {Notice}: {Error}")]
    private partial void LogOwnerUnreachable(string queueId, string workId, string notice, string error);
}
