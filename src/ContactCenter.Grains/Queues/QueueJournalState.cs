using ContactCenter.Actors;
using ContactCenter.Contracts.Queues.Events;

namespace ContactCenter.Grains.Queues;

/// <summary>The journaled grain's mutable holder of the immutable <see cref="QueueState"/> fold.</summary>
internal sealed class QueueJournalState : IJournaledState<QueueEvent>
{
    public QueueState Current { get; set; } = QueueState.Initial;

    public void Apply(QueueEvent @event) => Current = Current.Apply(@event);
}
