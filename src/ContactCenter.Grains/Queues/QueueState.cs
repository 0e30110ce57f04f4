using System.Collections.Immutable;
using System.Text.Json.Serialization;
using ContactCenter.Contracts.LiveViews;
using ContactCenter.Contracts.Queues;
using ContactCenter.Contracts.Routing;
using ContactCenter.Grains.Routing;

namespace ContactCenter.Grains.Queues;

/// <summary>A queue's state as the fold of its journal (<see cref="Apply"/>): the waiting list (with the offers it holds),
/// the agents logged in to the queue and the counters. Immutable; the queue grain holds the current value and
/// <see cref="QueueRules"/> decides which events a command raises.</summary>
public sealed partial record QueueState
{
    /// <summary>A queue that has seen nothing.</summary>
    public static QueueState Initial { get; } = new();

    /// <summary>Waiting work in the waiting order, offered work included at its place.</summary>
    [JsonConverter(typeof(WaitingListJsonConverter))]
    public WaitingList Waiting { get; init; } = WaitingList.Empty;

    /// <summary>The owner of each waiting item that has one (<see cref="IWorkOwner"/>), told of offers and overflow.</summary>
    public ImmutableDictionary<string, IWorkOwner> Owners { get; init; } = ImmutableDictionary<string, IWorkOwner>.Empty;

    /// <summary>The id of each outstanding offer (<see cref="OffersMade"/> when it was made): a late return of an offer
    /// that was since returned and made again must not return the new one.</summary>
    public ImmutableDictionary<string, long> OfferIds { get; init; } = ImmutableDictionary<string, long>.Empty;

    /// <summary>Offers made so far (pushed and pulled); the next offer's id is one more.</summary>
    public long OffersMade { get; init; }

    /// <summary>Agents logged in to the queue, ordinal order.</summary>
    public ImmutableArray<string> Agents { get; init; } = [];

    /// <summary>Figures of the counting period.</summary>
    public QueueCounters Counters { get; init; } = new();

    /// <summary>When the last event happened.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>True when <paramref name="agentId"/> is logged in to the queue.</summary>
    public bool HasAgent(string agentId) => Agents.BinarySearch(agentId, StringComparer.Ordinal) >= 0;

    /// <summary>The waiting item <paramref name="workId"/>, or null.</summary>
    public WorkItem? Find(string workId) => Waiting.TryGet(workId, out var work) ? work : null;

    /// <summary>The longest wait among the waiting items at <paramref name="now"/>; zero when none waits.</summary>
    public TimeSpan LongestWait(DateTimeOffset now)
    {
        var longest = TimeSpan.Zero;
        foreach (var item in Waiting.Items)
        {
            if (now - item.ArrivedAt > longest)
            {
                longest = now - item.ArrivedAt;
            }
        }
        return longest;
    }

    /// <summary>The figures live views receive after a change.</summary>
    public QueueLiveStatus ToLiveStatus(string queueId, long version)
    {
        DateTimeOffset? oldest = null;
        foreach (var item in Waiting.Items)
        {
            if (oldest is null || item.ArrivedAt < oldest)
            {
                oldest = item.ArrivedAt;
            }
        }
        return new QueueLiveStatus(queueId, version, UpdatedAt, Waiting.Count, Waiting.Offers.Count(), oldest, Agents, Counters);
    }

    /// <summary>The supervisor's view at <paramref name="now"/>.</summary>
    public QueueSnapshot ToSnapshot(string queueId, long version, DateTimeOffset now)
    {
        var waiting = ImmutableArray.CreateBuilder<WaitingWork>(Waiting.Count);
        var position = 0;
        foreach (var item in Waiting.Items)
        {
            var waited = now > item.ArrivedAt ? now - item.ArrivedAt : TimeSpan.Zero;
            waiting.Add(new WaitingWork(item, position++, waited, Waiting.OfferedTo(item.Id)));
        }
        return new QueueSnapshot(queueId, now, version, waiting.MoveToImmutable(), Agents, LongestWait(now), Counters);
    }
}
