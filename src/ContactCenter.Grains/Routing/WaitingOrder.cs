using ContactCenter.Contracts.Routing;

namespace ContactCenter.Grains.Routing;

/// <summary>The order of a queue's waiting list: work priority (higher first), then arrival, then enqueue sequence
/// (so equal arrivals keep enqueue order: the list is stable), then id.</summary>
public sealed class WaitingOrder : IComparer<WorkItem>
{
    /// <summary>The one instance.</summary>
    public static readonly WaitingOrder Instance = new();

    private WaitingOrder()
    {
    }

    /// <inheritdoc />
    public int Compare(WorkItem? x, WorkItem? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }
        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }
        var order = y.Priority.CompareTo(x.Priority);
        if (order == 0)
        {
            order = x.ArrivedAt.CompareTo(y.ArrivedAt);
        }
        if (order == 0)
        {
            order = x.Sequence.CompareTo(y.Sequence);
        }
        return order != 0 ? order : string.CompareOrdinal(x.Id, y.Id);
    }
}
