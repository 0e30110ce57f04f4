using System.Collections.Immutable;
using ContactCenter.Contracts.Routing;

namespace ContactCenter.Grains.Routing;

/// <summary>A queue's waiting work in <see cref="WaitingOrder"/>, immutable so a grain's state fold and a replay see
/// exactly the same list. Work being offered keeps its place (ring-no-answer re-offers it without losing it) but is
/// not handed out twice.</summary>
public sealed class WaitingList
{
    /// <summary>An empty list whose first sequence is 1.</summary>
    public static readonly WaitingList Empty = new(ImmutableSortedSet<WorkItem>.Empty.WithComparer(WaitingOrder.Instance),
        ImmutableDictionary.Create<string, WorkItem>(StringComparer.Ordinal),
        ImmutableDictionary.Create<string, string>(StringComparer.Ordinal), 1);

    private readonly ImmutableSortedSet<WorkItem> _items;
    private readonly ImmutableDictionary<string, WorkItem> _byId;
    private readonly ImmutableDictionary<string, string> _offers;

    private WaitingList(ImmutableSortedSet<WorkItem> items, ImmutableDictionary<string, WorkItem> byId,
        ImmutableDictionary<string, string> offers, long nextSequence)
    {
        _items = items;
        _byId = byId;
        _offers = offers;
        NextSequence = nextSequence;
    }

    /// <summary>The sequence the next enqueued item gets.</summary>
    public long NextSequence { get; }

    /// <summary>Number of waiting items (offered ones included).</summary>
    public int Count => _items.Count;

    /// <summary>The items in order.</summary>
    public IEnumerable<WorkItem> Items => _items;

    /// <summary>The first item, or null.</summary>
    public WorkItem? Head => _items.Count == 0 ? null : _items.Min;

    /// <summary>Offered work and the agent holding each offer.</summary>
    public IEnumerable<KeyValuePair<string, string>> Offers => _offers;

    /// <summary>Rebuilds a list from its parts (a journal snapshot): items keep the sequences they were stamped with.
    /// Fails fast on parts no list could have produced.</summary>
    public static WaitingList Restore(IEnumerable<WorkItem> items, IEnumerable<KeyValuePair<string, string>> offers,
        long nextSequence)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(offers);
        var byId = ImmutableDictionary.CreateBuilder<string, WorkItem>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (item.Sequence >= nextSequence || !byId.TryAdd(item.Id, item))
            {
                throw new InvalidOperationException(
                    $"Work '{item.Id}' cannot be restored: duplicate id or sequence {item.Sequence} not below {nextSequence}.");
            }
        }
        var offered = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var (workId, agentId) in offers)
        {
            if (!byId.ContainsKey(workId))
            {
                throw new InvalidOperationException($"An offer of work '{workId}' names no waiting work.");
            }
            offered[workId] = agentId;
        }
        return new WaitingList(ImmutableSortedSet.CreateRange(WaitingOrder.Instance, byId.Values), byId.ToImmutable(),
            offered.ToImmutable(), nextSequence);
    }

    /// <summary>Adds work, stamping the next sequence. Fails fast on a duplicate id: a call queued twice is a bug.</summary>
    public WaitingList Enqueue(WorkItem work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (_byId.ContainsKey(work.Id))
        {
            throw new InvalidOperationException($"Work '{work.Id}' is already waiting in queue '{work.QueueId}'.");
        }
        var stamped = work with { Sequence = NextSequence };
        return new WaitingList(_items.Add(stamped), _byId.Add(work.Id, stamped), _offers, NextSequence + 1);
    }

    /// <summary>Replaces an item's routing data (missed-by list, sticky hold, priority) keeping its sequence.</summary>
    public WaitingList Update(WorkItem work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var old = Get(work.Id);
        var updated = work with { Sequence = old.Sequence };
        return new WaitingList(_items.Remove(old).Add(updated), _byId.SetItem(work.Id, updated), _offers, NextSequence);
    }

    /// <summary>Removes work (answered, abandoned, overflowed); no-op when absent, as events can repeat.</summary>
    public WaitingList Remove(string workId)
    {
        if (!_byId.TryGetValue(workId, out var item))
        {
            return this;
        }
        return new WaitingList(_items.Remove(item), _byId.Remove(workId), _offers.Remove(workId), NextSequence);
    }

    /// <summary>Marks work as offered to an agent; it stays in place but is not handed out again.</summary>
    public WaitingList MarkOffered(string workId, string agentId)
    {
        Get(workId);
        return new WaitingList(_items, _byId, _offers.SetItem(workId, agentId), NextSequence);
    }

    /// <summary>Withdraws an offer (ring timeout, reject); the work is available again at its old place.</summary>
    public WaitingList ClearOffer(string workId) =>
        new(_items, _byId, _offers.Remove(workId), NextSequence);

    /// <summary>The agent an item is offered to, or null.</summary>
    public string? OfferedTo(string workId) => _offers.GetValueOrDefault(workId);

    /// <summary>Finds an item.</summary>
    public bool TryGet(string workId, out WorkItem work) => _byId.TryGetValue(workId, out work!);

    /// <summary>0-based place of an item in the order (callers ahead of it).</summary>
    public int PositionOf(string workId) => _items.IndexOf(Get(workId));

    /// <summary>What this queue offers an agent that pulls: the first item in order that is not offered, not held for
    /// another agent and whose skills the agent meets; plus, when one exists further back, the first item held for
    /// this agent (sticky work is preferred for its agent). Presence and capacity are the pull function's check.</summary>
    public ImmutableArray<WorkItem> HeadsFor(AgentSnapshot agent, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(agent);
        WorkItem? free = null;
        WorkItem? held = null;
        foreach (var item in _items)
        {
            if (_offers.ContainsKey(item.Id) || Eligibility.CheckSkills(agent, item.RequiredSkills) is not null)
            {
                continue;
            }
            if (item.IsHeldAt(now))
            {
                if (held is null && item.StickyAgentId == agent.AgentId)
                {
                    held = item;
                }
            }
            else
            {
                free ??= item;
            }
            // Past the first free item only work held for this agent can still outrank it, so the scan goes on
            // until both are found (or the list ends).
            if (free is not null && held is not null)
            {
                break;
            }
        }
        return (held, free) switch
        {
            (null, null) => [],
            (null, { } f) => [f],
            ({ } h, null) => [h],
            ({ } h, { } f) => [h, f],
        };
    }

    /// <summary>The items not currently offered, in order: what push may place.</summary>
    public IEnumerable<WorkItem> NotOffered()
    {
        foreach (var item in _items)
        {
            if (!_offers.ContainsKey(item.Id))
            {
                yield return item;
            }
        }
    }

    private WorkItem Get(string workId) =>
        _byId.TryGetValue(workId, out var item)
            ? item
            : throw new InvalidOperationException($"Work '{workId}' is not waiting in this queue.");
}
