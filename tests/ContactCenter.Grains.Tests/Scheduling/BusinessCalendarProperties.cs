using ContactCenter.Contracts.Configuration;
using ContactCenter.Grains.Scheduling;
using FsCheck;
using FsCheck.Fluent;

namespace ContactCenter.Grains.Tests.Scheduling;

public sealed class BusinessCalendarProperties
{
    private static readonly Gen<Queue> Queues =
        from zone in Gen.Elements("Europe/Warsaw", "America/New_York", "Australia/Sydney", "UTC")
        from count in Gen.Choose(1, 6)
        from hours in Gen.ArrayOf(
            from day in Gen.Elements(Enum.GetValues<DayOfWeek>())
            from start in Gen.Choose(0, 47)
            from length in Gen.Choose(1, 48)
            select new WeekdayHours(day, new TimeRange(new TimeOnly(start / 2, start % 2 * 30),
                new TimeOnly(Math.Min(start + length, 48) / 2 % 24, (start + length) % 2 * 30))), count)
        select new Queue { Id = "q", Name = "q", TimeZoneId = zone, BusinessHours = [.. hours] };

    // Starts around the 2026 DST changes of the zones above (Mar/Apr and Oct/Nov), on whole minutes.
    private static readonly Gen<DateTimeOffset> Starts =
        from month in Gen.Elements(3, 4, 10, 11)
        from day in Gen.Choose(1, 28)
        from minute in Gen.Choose(0, (24 * 60) - 1)
        select new DateTimeOffset(2026, month, day, 0, 0, 0, TimeSpan.Zero).AddMinutes(minute);

    [Fact]
    public void Next_change_is_the_first_minute_the_state_flips() =>
        Routing.RoutingGen.Check(Prop.ForAll(Queues.ToArbitrary(), Starts.ToArbitrary(), (queue, start) =>
        {
            var open = BusinessCalendar.IsOpen(queue, start);
            var next = BusinessCalendar.NextChange(queue, start);
            // Brute force over minutes for up to 8 days: every boundary and every DST jump lies on a whole minute.
            for (var t = start.AddMinutes(1); t <= start.AddDays(8); t = t.AddMinutes(1))
            {
                if (BusinessCalendar.IsOpen(queue, t) != open)
                {
                    return next == t;
                }
            }
            return next is null || next > start.AddDays(8);
        }), maxTest: 60);
}
