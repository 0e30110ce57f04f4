using System.Collections.Immutable;
using ContactCenter.Contracts.Configuration;

namespace ContactCenter.Grains.Scheduling;

/// <summary>Business hours and holidays evaluated in a queue's IANA time zone (ROUTE-3), DST-correct because every
/// rule is stated in local wall-clock time: on the spring-forward day a range inside the skipped hour never opens and
/// one spanning it is an hour shorter; on the fall-back day the repeated hour is open (or closed) twice.</summary>
/// <remarks>Declared rule: a date listed as a holiday uses the holiday's open hours (none = closed all day); any other
/// date uses the weekday's ranges; a queue with no weekday ranges is open around the clock apart from holidays.</remarks>
public static class BusinessCalendar
{
    /// <summary>How far <see cref="NextChange"/> looks ahead.</summary>
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(14);

    private static readonly ImmutableArray<TimeRange> AllDay = [new(TimeOnly.MinValue, TimeOnly.MinValue)];

    /// <summary>Open or closed at <paramref name="at"/>.</summary>
    public static bool IsOpen(Queue queue, DateTimeOffset at) => Evaluate(queue, at).IsOpen;

    /// <summary>Open or closed at <paramref name="at"/>, with the local time and the holiday that applied.</summary>
    public static OpenState Evaluate(Queue queue, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(queue);
        var local = TimeZoneInfo.ConvertTime(at, ZoneOf(queue));
        var ranges = RangesOn(queue, DateOnly.FromDateTime(local.DateTime), out var holiday);
        var time = TimeOnly.FromDateTime(local.DateTime);
        var open = false;
        foreach (var range in ranges)
        {
            if (range.Contains(time))
            {
                open = true;
                break;
            }
        }
        return new OpenState(open, local, holiday is null ? null : holiday.Name ?? string.Empty);
    }

    /// <summary>The first instant after <paramref name="at"/> at which the queue opens or closes, within
    /// <see cref="Horizon"/>; null when nothing changes in that time (the queue grain then re-evaluates at the
    /// horizon). The queue grain sets its reminder to it.</summary>
    public static DateTimeOffset? NextChange(Queue queue, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(queue);
        var zone = ZoneOf(queue);
        var now = IsOpen(queue, at);
        var end = at + Horizon;
        var candidates = new List<DateTimeOffset>();
        var firstDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime).AddDays(-1);
        for (var day = firstDay; day.ToDateTime(TimeOnly.MinValue) <= end.UtcDateTime.AddDays(2); day = day.AddDays(1))
        {
            foreach (var range in RangesOn(queue, day, out _))
            {
                AddLocal(candidates, zone, day.ToDateTime(range.Start));
                AddLocal(candidates, zone, range.EndsAtMidnight ? day.AddDays(1).ToDateTime(TimeOnly.MinValue)
                    : day.ToDateTime(range.End));
            }
            AddTransition(candidates, zone, day);
        }
        candidates.Sort();
        foreach (var candidate in candidates)
        {
            if (candidate > at && candidate <= end && IsOpen(queue, candidate) != now)
            {
                return candidate;
            }
        }
        return null;
    }

    private static TimeZoneInfo ZoneOf(Queue queue) => TimeZoneInfo.FindSystemTimeZoneById(queue.TimeZoneId);

    private static ImmutableArray<TimeRange> RangesOn(Queue queue, DateOnly date, out Holiday? holiday)
    {
        holiday = null;
        if (!queue.Holidays.IsDefaultOrEmpty)
        {
            foreach (var candidate in queue.Holidays)
            {
                if (candidate.Date == date)
                {
                    holiday = candidate;
                    return candidate.OpenHours.IsDefault ? [] : candidate.OpenHours;
                }
            }
        }
        if (queue.BusinessHours.IsDefaultOrEmpty)
        {
            return AllDay;
        }
        var ranges = ImmutableArray.CreateBuilder<TimeRange>();
        foreach (var hours in queue.BusinessHours)
        {
            if (hours.Day == date.DayOfWeek)
            {
                ranges.Add(hours.Hours);
            }
        }
        return ranges.ToImmutable();
    }

    // A local boundary happens at local − offset for whichever offset is in force then; around a transition both
    // offsets are tried and only consistent instants are kept (a boundary inside a skipped hour has none: the
    // transition instant itself is the candidate then).
    private static void AddLocal(List<DateTimeOffset> candidates, TimeZoneInfo zone, DateTime local)
    {
        var asUtc = DateTime.SpecifyKind(local, DateTimeKind.Utc);
        Span<TimeSpan> offsets = [zone.GetUtcOffset(asUtc.AddDays(-1)), zone.GetUtcOffset(asUtc.AddDays(1))];
        foreach (var offset in offsets)
        {
            var instant = new DateTimeOffset(asUtc - offset, TimeSpan.Zero);
            if (zone.GetUtcOffset(instant) == offset && !candidates.Contains(instant))
            {
                candidates.Add(instant);
            }
        }
    }

    // The instant the zone's offset changes during this (UTC) day, found by bisection: the first tick with the new
    // offset. Wall-clock time jumps there, so opening state can change without any configured boundary.
    private static void AddTransition(List<DateTimeOffset> candidates, TimeZoneInfo zone, DateOnly day)
    {
        var low = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var high = low.AddDays(1);
        var before = zone.GetUtcOffset(low);
        if (zone.GetUtcOffset(high) == before)
        {
            return;
        }
        while (high - low > TimeSpan.FromTicks(1))
        {
            var middle = low + ((high - low) / 2);
            if (zone.GetUtcOffset(middle) == before)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }
        candidates.Add(high);
    }
}
