namespace ContactCenter.Contracts.Configuration;

/// <summary>The bounds <see cref="DocumentValidator"/> puts on a <see cref="QueueTreatment"/>.</summary>
public static class QueueTreatmentLimits
{
    /// <summary>The shortest announcement interval: shorter would leave no music between announcements.</summary>
    public static readonly TimeSpan ShortestAnnounceInterval = TimeSpan.FromSeconds(10);

    /// <summary>The longest announcement interval.</summary>
    public static readonly TimeSpan LongestAnnounceInterval = TimeSpan.FromHours(1);

    /// <summary>The most keys a queue offers while callers wait.</summary>
    public const int MaxOptions = 12;
}
