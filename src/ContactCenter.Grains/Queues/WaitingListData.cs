using System.Collections.Immutable;
using ContactCenter.Contracts.Routing;

namespace ContactCenter.Grains.Queues;

/// <summary>The stored form of a <see cref="Routing.WaitingList"/> in a journal snapshot.</summary>
/// <param name="NextSequence">The sequence the next enqueued item gets.</param>
/// <param name="Items">The items in waiting order, with their stamped sequences.</param>
/// <param name="Offers">Offered work id → agent id.</param>
internal sealed record WaitingListData(long NextSequence, ImmutableArray<WorkItem> Items,
    ImmutableDictionary<string, string> Offers);
