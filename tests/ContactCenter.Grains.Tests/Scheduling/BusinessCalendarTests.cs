using ContactCenter.Contracts.Configuration;
using ContactCenter.Grains.Scheduling;

namespace ContactCenter.Grains.Tests.Scheduling;

public sealed class BusinessCalendarTests
{
    private static TimeRange Hours(int from, int to) => new(new TimeOnly(from % 24, 0), new TimeOnly(to % 24, 0));

    private static Queue Warsaw(params WeekdayHours[] hours) => new()
    {
        Id = "q1", Name = "Warsaw", TimeZoneId = "Europe/Warsaw", BusinessHours = [.. hours],
    };

    private static WeekdayHours[] Weekdays(int from, int to) =>
    [
        .. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .Select(d => new WeekdayHours(d, Hours(from, to))),
    ];

    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) =>
        new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    private static int OpenMinutes(Queue queue, DateTimeOffset fromUtc, TimeSpan span)
    {
        var open = 0;
        for (var t = fromUtc; t < fromUtc + span; t = t.AddMinutes(1))
        {
            open += BusinessCalendar.IsOpen(queue, t) ? 1 : 0;
        }
        return open;
    }

    [Theory]
    [InlineData(3, 27, 6, 59, false)] // Friday 07:59 CET
    [InlineData(3, 27, 7, 0, true)]   // Friday 08:00 CET (UTC+1)
    [InlineData(3, 27, 14, 59, true)]
    [InlineData(3, 27, 15, 0, false)] // Friday 16:00 CET
    [InlineData(3, 30, 5, 59, false)] // Monday after the spring change: 07:59 CEST
    [InlineData(3, 30, 6, 0, true)]   // Monday 08:00 CEST (UTC+2)
    [InlineData(3, 30, 14, 0, false)] // Monday 16:00 CEST
    [InlineData(3, 28, 10, 0, false)] // Saturday
    [InlineData(10, 23, 6, 0, true)]  // Friday before the autumn change: 08:00 CEST
    [InlineData(10, 26, 6, 0, false)] // Monday after it: 07:00 CET
    [InlineData(10, 26, 7, 0, true)]  // 08:00 CET
    public void Weekday_hours_follow_the_local_clock_across_DST(int month, int day, int hour, int minute, bool open)
    {
        Assert.Equal(open, BusinessCalendar.IsOpen(Warsaw(Weekdays(8, 16)), Utc(month, day, hour, minute)));
    }

    [Fact]
    public void On_the_spring_forward_Sunday_the_skipped_hour_never_opens_and_a_spanning_range_is_an_hour_shorter()
    {
        var day = TimeSpan.FromDays(1);
        var start = Utc(3, 28, 23); // Sunday 29 March 00:00 CET

        Assert.Equal(0, OpenMinutes(Warsaw(new WeekdayHours(DayOfWeek.Sunday, Hours(2, 3))), start, day));
        Assert.Equal(120, OpenMinutes(Warsaw(new WeekdayHours(DayOfWeek.Sunday, Hours(1, 4))), start, day));
        Assert.Equal(23 * 60, OpenMinutes(Warsaw(new WeekdayHours(DayOfWeek.Sunday, Hours(0, 24))), start, day));
    }

    [Fact]
    public void On_the_fall_back_Sunday_the_repeated_hour_is_open_twice()
    {
        var day = TimeSpan.FromHours(25);
        var start = Utc(10, 24, 22); // Sunday 25 October 00:00 CEST

        Assert.Equal(120, OpenMinutes(Warsaw(new WeekdayHours(DayOfWeek.Sunday, Hours(2, 3))), start, day));
        Assert.Equal(240, OpenMinutes(Warsaw(new WeekdayHours(DayOfWeek.Sunday, Hours(1, 4))), start, day));
        Assert.True(BusinessCalendar.IsOpen(Warsaw(new WeekdayHours(DayOfWeek.Sunday, Hours(2, 3))), Utc(10, 25, 0, 30)));
        Assert.True(BusinessCalendar.IsOpen(Warsaw(new WeekdayHours(DayOfWeek.Sunday, Hours(2, 3))), Utc(10, 25, 1, 30)));
    }

    [Fact]
    public void Holidays_use_the_local_date_and_may_keep_partial_hours()
    {
        var queue = Warsaw(Weekdays(8, 16)) with
        {
            Holidays =
            [
                new Holiday { Date = new DateOnly(2026, 12, 24), Name = "Wigilia", OpenHours = [Hours(8, 12)] },
                new Holiday { Date = new DateOnly(2026, 12, 25), Name = "Boże Narodzenie" },
            ],
        };

        Assert.True(BusinessCalendar.IsOpen(queue, Utc(12, 24, 10)));  // 11:00 CET
        Assert.False(BusinessCalendar.IsOpen(queue, Utc(12, 24, 11))); // 12:00 CET
        Assert.False(BusinessCalendar.IsOpen(queue, Utc(12, 25, 9)));
        Assert.True(BusinessCalendar.IsOpen(queue, Utc(12, 28, 9)));
        var state = BusinessCalendar.Evaluate(queue, Utc(12, 24, 23, 30)); // already 25 December in Warsaw
        Assert.Equal("Boże Narodzenie", state.HolidayName);
        Assert.Equal(25, state.LocalTime.Day);
        Assert.Equal(TimeSpan.FromHours(1), state.LocalTime.Offset);
    }

    [Fact]
    public void No_weekday_hours_means_around_the_clock_and_a_range_may_end_at_midnight()
    {
        var always = Warsaw();
        Assert.Equal(24 * 60, OpenMinutes(always, Utc(3, 1, 0), TimeSpan.FromDays(1)));

        var evening = Warsaw(new WeekdayHours(DayOfWeek.Monday, Hours(20, 24)));
        Assert.True(BusinessCalendar.IsOpen(evening, Utc(3, 2, 22, 59)));  // Monday 23:59 CET
        Assert.False(BusinessCalendar.IsOpen(evening, Utc(3, 2, 23)));     // Tuesday 00:00
    }

    [Theory]
    [InlineData(3, 27, 12, 3, 27, 15)] // Friday noon → closes 16:00 CET
    [InlineData(3, 27, 15, 3, 30, 6)]  // Friday after close → Monday 08:00 CEST, across the spring change
    [InlineData(10, 23, 20, 10, 26, 7)] // Friday evening → Monday 08:00 CET, across the autumn change
    public void Next_change_crosses_weekends_and_DST(int month, int day, int hour, int nextMonth, int nextDay, int nextHour)
    {
        Assert.Equal(Utc(nextMonth, nextDay, nextHour),
            BusinessCalendar.NextChange(Warsaw(Weekdays(8, 16)), Utc(month, day, hour)));
    }

    [Fact]
    public void A_range_starting_in_the_skipped_hour_opens_at_the_jump()
    {
        var queue = Warsaw(new WeekdayHours(DayOfWeek.Sunday, new TimeRange(new TimeOnly(2, 30), new TimeOnly(5, 0))));

        Assert.Equal(Utc(3, 29, 1), BusinessCalendar.NextChange(queue, Utc(3, 29, 0)));
        Assert.True(BusinessCalendar.IsOpen(queue, Utc(3, 29, 1)));
        Assert.False(BusinessCalendar.IsOpen(queue, Utc(3, 29, 0, 59)));
    }

    [Fact]
    public void Nothing_changes_within_the_horizon_for_a_queue_that_is_always_open()
    {
        Assert.Null(BusinessCalendar.NextChange(Warsaw(), Utc(3, 1, 0)));
    }
}
