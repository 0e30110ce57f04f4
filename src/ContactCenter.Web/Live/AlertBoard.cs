using ContactCenter.Contracts.LiveViews;

namespace ContactCenter.Web.Live;

/// <summary>This web node's recent supervisor alerts — those the cluster publishes and those the node raises itself —
/// kept for the snapshot a supervisor page takes when it connects, and published to the <see cref="LiveAudience"/>
/// in one sequence of the board's own, so a page that misses one sees the gap and takes the snapshot again.</summary>
public sealed class AlertBoard(LiveAudience audience)
{
    /// <summary>The most alerts kept; older ones fall off.</summary>
    public const int Capacity = 100;

    /// <summary>The key of the board's updates.</summary>
    public const string Key = "all";

    private readonly Lock _lock = new();
    private readonly Queue<SupervisorAlert> _recent = new();
    private readonly Guid _epoch = Guid.NewGuid();
    private long _sequence;

    /// <summary>Keeps <paramref name="alert"/> and sends it to every supervisor connection on this node.</summary>
    public void Post(SupervisorAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        lock (_lock)
        {
            _recent.Enqueue(alert);
            while (_recent.Count > Capacity)
            {
                _recent.Dequeue();
            }
            // Inside the lock: updates reach the outboxes in sequence order.
            audience.Publish(new LiveUpdate(LiveTopics.Alert, Key, _epoch, ++_sequence, alert));
        }
    }

    /// <summary>The kept alerts, newest first.</summary>
    public IReadOnlyList<SupervisorAlert> Recent()
    {
        lock (_lock)
        {
            return _recent.Reverse().ToArray();
        }
    }
}
