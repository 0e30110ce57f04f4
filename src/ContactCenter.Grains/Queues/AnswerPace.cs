namespace ContactCenter.Grains.Queues;

/// <summary>How fast a queue answers while work waits, for a caller's expected wait (IVR-5): an exponential moving
/// average of the time between successive answers, counted only while the queue had a backlog in between (an idle
/// queue's gaps say nothing about how fast the next caller is reached). The caller at position p can expect p such
/// intervals. Kept in memory: after a reactivation the queue measures again and announces no wait until then.</summary>
public sealed class AnswerPace
{
    /// <summary>The weight of the newest interval (the rest is the average so far), as Asterisk weighs hold times.</summary>
    public const double NewestWeight = 0.25;

    private DateTimeOffset? _backlogSince;

    /// <summary>The average time between answers while work waited; null before two such answers.</summary>
    public TimeSpan? Interval { get; private set; }

    /// <summary>The queue answered an item at <paramref name="at"/>, after which <paramref name="stillWaiting"/> items
    /// wait.</summary>
    public void Answered(DateTimeOffset at, int stillWaiting)
    {
        if (_backlogSince is { } previous && at >= previous)
        {
            var sample = at - previous;
            Interval = Interval is { } average ? average * (1 - NewestWeight) + sample * NewestWeight : sample;
        }
        _backlogSince = stillWaiting > 0 ? at : null;
    }

    /// <summary>The expected wait at 1-based <paramref name="position"/>; null before the pace is known.</summary>
    public TimeSpan? ExpectedWait(int position) => Interval * Math.Max(position, 1);
}
