using System.Collections.Immutable;
using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Queues;
using ContactCenter.Contracts.Queues.Events;

namespace ContactCenter.Grains.Queues;

public sealed partial record QueueState
{
    /// <summary>The state after <paramref name="event"/>. Total: an event naming work the queue does not hold changes
    /// nothing (but its counters), because <see cref="QueueRules"/> never raises one and a journal must always replay.</summary>
    public QueueState Apply(QueueEvent @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var at = @event.At;
        var state = Counters.Since == default ? this with { Counters = Counters with { Since = at } } : this;
        var next = @event switch
        {
            WorkQueued e => state.Queued(e),
            WorkOffered e => state.Offered(e.WorkId, e.AgentId),
            WorkClaimed e => state.Offered(e.WorkId, e.AgentId),
            OfferReturned e => state.Returned(e),
            QueuedWorkAnswered e => state.Removed(e.WorkId, c => c with
            {
                Answered = c.Answered + 1,
                AnsweredWithinSla = c.AnsweredWithinSla + (e.WithinSla ? 1 : 0),
                AnsweredWaitTotal = c.AnsweredWaitTotal + e.Waited,
                LongestAnsweredWait = e.Waited > c.LongestAnsweredWait ? e.Waited : c.LongestAnsweredWait,
            }),
            QueuedWorkAbandoned e => state.Removed(e.WorkId, c => c with
            {
                Abandoned = c.Abandoned + 1,
                AbandonedWaitTotal = c.AbandonedWaitTotal + e.Waited,
                LongestAbandonedWait = e.Waited > c.LongestAbandonedWait ? e.Waited : c.LongestAbandonedWait,
            }),
            QueuedWorkWithdrawn e => state.Removed(e.WorkId, c => c with { Withdrawn = c.Withdrawn + 1 }),
            WorkOverflowed e => state.Removed(e.WorkId, c => c with { Overflowed = c.Overflowed + 1 }),
            WorkClosedOut => state with { Counters = state.Counters with { ClosedOnArrival = state.Counters.ClosedOnArrival + 1 } },
            QueueAgentJoined e => state.HasAgent(e.AgentId) ? state : state with { Agents = Sorted(state.Agents.Add(e.AgentId)) },
            QueueAgentLeft e => state with { Agents = state.Agents.Remove(e.AgentId, StringComparer.Ordinal) },
            QueueCountersReset => state with { Counters = new QueueCounters { Since = at } },
            _ => throw new NotSupportedException($"queue event {@event.GetType().Name} has no transition"),
        };
        return next with { UpdatedAt = at > UpdatedAt ? at : UpdatedAt };
    }

    private QueueState Queued(WorkQueued e) => Find(e.Work.Id) is not null
        ? this
        : this with
        {
            Waiting = Waiting.Enqueue(e.Work),
            Owners = e.Owner is null ? Owners : Owners.SetItem(e.Work.Id, e.Owner),
            Counters = Counters with { Offered = Counters.Offered + 1 },
        };

    private QueueState Offered(string workId, string agentId) =>
        Find(workId) is null || Waiting.OfferedTo(workId) is not null
            ? this
            : this with
            {
                Waiting = Waiting.MarkOffered(workId, agentId),
                OffersMade = OffersMade + 1,
                OfferIds = OfferIds.SetItem(workId, OffersMade + 1),
            };

    private QueueState Returned(OfferReturned e)
    {
        if (Find(e.WorkId) is not { } work || Waiting.OfferedTo(e.WorkId) != e.AgentId)
        {
            return this;
        }
        var waiting = Waiting.ClearOffer(e.WorkId);
        var offerIds = OfferIds.Remove(e.WorkId);
        if (e.Reason == ReleaseReason.Withdrawn)
        {
            return this with { Waiting = waiting, OfferIds = offerIds };
        }
        var missed = work.MissedBy.IsDefault ? [] : work.MissedBy;
        if (!missed.Contains(e.AgentId, StringComparer.Ordinal))
        {
            waiting = waiting.Update(work with { MissedBy = missed.Add(e.AgentId) });
        }
        return this with
        {
            Waiting = waiting,
            OfferIds = offerIds,
            Counters = Counters with { OffersReturned = Counters.OffersReturned + 1 },
        };
    }

    private QueueState Removed(string workId, Func<QueueCounters, QueueCounters> count) => this with
    {
        Waiting = Waiting.Remove(workId),
        Owners = Owners.Remove(workId),
        OfferIds = OfferIds.Remove(workId),
        Counters = Find(workId) is null ? Counters : count(Counters),
    };

    private static ImmutableArray<string> Sorted(ImmutableArray<string> agents) => agents.Sort(StringComparer.Ordinal);
}
