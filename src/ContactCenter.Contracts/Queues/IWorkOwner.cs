using ContactCenter.Actors;

namespace ContactCenter.Contracts.Queues;

/// <summary>The grain that owns queued work (a call, a chat, a callback task) and acts on what the queue decides for it:
/// the queue tells it, without waiting, when an agent was reserved for the work, when such an offer lapsed and when the
/// work overflowed while waiting. Passed with <see cref="EnqueueRequest.Owner"/>.</summary>
public interface IWorkOwner : IGrain
{
    /// <summary>A queue decision about the owner's work.</summary>
    [OneWay]
    Task OnQueueNoticeAsync(QueueNotice notice);
}
