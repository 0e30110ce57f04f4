using System.Collections.Immutable;
using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Agents.Events;
using ContactCenter.Contracts.LiveViews;
using ContactCenter.Contracts.Queues;
using ContactCenter.Contracts.Queues.Events;
using ContactCenter.Grains.Agents;
using ContactCenter.Grains.Queues;

namespace ContactCenter.Grains.LiveViews;

/// <summary>A site's live figures as a fold of the queues' and agents' journals: each queue and agent folded with the
/// very transitions its grain uses (<see cref="QueueState.Apply"/>, <see cref="AgentState.Apply"/>), so the aggregate
/// cannot count differently from the grains; queue counters restart at each local midnight of the site's zone.</summary>
public sealed record SiteFigures
{
    private static readonly StringComparer Ids = StringComparer.Ordinal;

    /// <summary>Figures before any event, counting days in <paramref name="zone"/>.</summary>
    public SiteFigures(TimeZoneInfo zone)
    {
        Zone = zone;
    }

    /// <summary>The site's time zone.</summary>
    public TimeZoneInfo Zone { get; }

    /// <summary>Start of the day the counters cover; null before the first event.</summary>
    public DateTimeOffset? DayStart { get; init; }

    /// <summary>When the last applied event happened.</summary>
    public DateTimeOffset At { get; init; }

    /// <summary>Each queue's fold and journal version, by queue id.</summary>
    public ImmutableDictionary<string, (QueueState State, long Version)> Queues { get; init; } =
        ImmutableDictionary.Create<string, (QueueState, long)>(Ids);

    /// <summary>Each agent's fold, by agent id.</summary>
    public ImmutableDictionary<string, AgentState> Agents { get; init; } = ImmutableDictionary.Create<string, AgentState>(Ids);

    /// <summary>Local midnight of the day <paramref name="at"/> falls on in <paramref name="zone"/> (the first valid
    /// local time of that day where a DST change skips midnight).</summary>
    public static DateTimeOffset DayStartOf(DateTimeOffset at, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var midnight = TimeZoneInfo.ConvertTime(at, zone).Date;
        while (zone.IsInvalidTime(midnight))
        {
            midnight = midnight.AddMinutes(30);
        }
        return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight));
    }

    /// <summary>The figures after queue <paramref name="queueId"/>'s journal record <paramref name="version"/>.</summary>
    public SiteFigures Apply(string queueId, long version, QueueEvent @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var figures = RolledTo(@event.At);
        var state = figures.Queues.TryGetValue(queueId, out var queue) ? queue.State : FreshQueue(figures.DayStart);
        return figures with { Queues = figures.Queues.SetItem(queueId, (state.Apply(@event), version)), At = Later(@event.At) };
    }

    /// <summary>The figures after an event of agent <paramref name="agentId"/>.</summary>
    public SiteFigures Apply(string agentId, AgentEvent @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var figures = RolledTo(@event.At);
        var state = figures.Agents.GetValueOrDefault(agentId) ?? AgentState.Initial;
        return figures with { Agents = figures.Agents.SetItem(agentId, state.Apply(@event)), At = Later(@event.At) };
    }

    /// <summary>The figures on the day of <paramref name="now"/>: a later day restarts every queue's counters (waiting
    /// work stays).</summary>
    public SiteFigures RolledTo(DateTimeOffset now)
    {
        var today = DayStartOf(now, Zone);
        if (DayStart is { } start && today <= start)
        {
            return this;
        }
        if (DayStart is null)
        {
            return this with { DayStart = today };
        }
        var reset = new QueueCountersReset(today);
        return this with
        {
            DayStart = today,
            Queues = Queues.ToImmutableDictionary(q => q.Key, q => (q.Value.State.Apply(reset), q.Value.Version), Ids),
        };
    }

    /// <summary>The live status of site <paramref name="siteId"/> at journal position <paramref name="position"/>.</summary>
    public SiteLiveStatus ToStatus(string siteId, long position)
    {
        var queues = Queues.OrderBy(q => q.Key, Ids).Select(q => q.Value.State.ToLiveStatus(q.Key, q.Value.Version)).ToImmutableArray();
        var shown = Agents.Values.Where(a => a.Presence != Presence.LoggedOut).Select(a => a.Display().State).ToList();
        int Count(DisplayedState state) => shown.Count(s => s == state);
        return new SiteLiveStatus(
            siteId,
            position,
            At,
            DayStart ?? DayStartOf(At, Zone),
            queues,
            Sum(queues.Select(q => q.Counters), DayStart ?? At),
            queues.Sum(q => q.Waiting),
            queues.Select(q => q.OldestArrival).Where(a => a is not null).Min(),
            new AgentStateCounts
            {
                LoggedIn = shown.Count,
                Available = Count(DisplayedState.Available),
                Reserved = Count(DisplayedState.Reserved),
                Ringing = Count(DisplayedState.Ringing),
                Busy = Count(DisplayedState.Busy),
                WrapUp = Count(DisplayedState.WrapUp),
                Chatting = Count(DisplayedState.Chatting),
                Paused = Count(DisplayedState.Paused),
            });
    }

    private static QueueState FreshQueue(DateTimeOffset? dayStart) =>
        dayStart is { } start ? QueueState.Initial with { Counters = new QueueCounters { Since = start } } : QueueState.Initial;

    private DateTimeOffset Later(DateTimeOffset at) => at > At ? at : At;

    private static QueueCounters Sum(IEnumerable<QueueCounters> counters, DateTimeOffset since) =>
        counters.Aggregate(new QueueCounters { Since = since }, (total, c) => total with
        {
            Offered = total.Offered + c.Offered,
            Answered = total.Answered + c.Answered,
            AnsweredWithinSla = total.AnsweredWithinSla + c.AnsweredWithinSla,
            Abandoned = total.Abandoned + c.Abandoned,
            Withdrawn = total.Withdrawn + c.Withdrawn,
            Overflowed = total.Overflowed + c.Overflowed,
            ClosedOnArrival = total.ClosedOnArrival + c.ClosedOnArrival,
            OffersReturned = total.OffersReturned + c.OffersReturned,
            AnsweredWaitTotal = total.AnsweredWaitTotal + c.AnsweredWaitTotal,
            LongestAnsweredWait = c.LongestAnsweredWait > total.LongestAnsweredWait ? c.LongestAnsweredWait : total.LongestAnsweredWait,
            AbandonedWaitTotal = total.AbandonedWaitTotal + c.AbandonedWaitTotal,
            LongestAbandonedWait = c.LongestAbandonedWait > total.LongestAbandonedWait ? c.LongestAbandonedWait : total.LongestAbandonedWait,
        });
}
