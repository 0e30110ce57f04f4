using ContactCenter.Contracts.Agents.Events;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.Queues.Events;
using ContactCenter.Contracts.Routing;
using ContactCenter.Grains.LiveViews;

namespace ContactCenter.Grains.Tests.LiveViews;

/// <summary>The site aggregate's fold: queues and agents counted as their grains count them, days in the site's zone.</summary>
public sealed class SiteFiguresTests
{
    private static readonly TimeZoneInfo Warsaw = TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");

    private static WorkQueued Queued(DateTimeOffset at, string id) => new(at, new WorkItem { Id = id, QueueId = "sales", ArrivedAt = at });

    [Fact]
    public void A_day_starts_at_local_midnight_in_winter_and_in_summer_time()
    {
        Assert.Equal(new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.FromHours(1)),
            SiteFigures.DayStartOf(new DateTimeOffset(2026, 1, 4, 23, 30, 0, TimeSpan.Zero), Warsaw));
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 0, 0, 0, TimeSpan.FromHours(1)),
            SiteFigures.DayStartOf(new DateTimeOffset(2026, 3, 29, 12, 0, 0, TimeSpan.Zero), Warsaw));
        Assert.Equal(new DateTimeOffset(2026, 3, 30, 0, 0, 0, TimeSpan.FromHours(2)),
            SiteFigures.DayStartOf(new DateTimeOffset(2026, 3, 29, 22, 30, 0, TimeSpan.Zero), Warsaw));
    }

    [Fact]
    public void Counters_restart_at_local_midnight_while_waiting_work_stays()
    {
        var evening = new DateTimeOffset(2026, 3, 2, 22, 0, 0, TimeSpan.Zero); // 23:00 in Warsaw
        var figures = new SiteFigures(Warsaw)
            .Apply("sales", 1, Queued(evening, "a"))
            .Apply("sales", 2, Queued(evening.AddMinutes(1), "b"))
            .Apply("sales", 3, new QueuedWorkAnswered(evening.AddMinutes(2), "a", "anna", TimeSpan.FromMinutes(2), false));
        var late = figures.ToStatus(SiteSettings.SiteId, 3);
        Assert.Equal((2, 1, 1), (late.Totals.Offered, late.Totals.Answered, late.Waiting));

        var afterMidnight = figures.RolledTo(evening.AddHours(1).AddMinutes(5)).ToStatus(SiteSettings.SiteId, 3);
        Assert.Equal((0, 0, 1), (afterMidnight.Totals.Offered, afterMidnight.Totals.Answered, afterMidnight.Waiting));
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 0, 0, 0, TimeSpan.FromHours(1)), afterMidnight.DayStart);
        Assert.Equal(evening.AddMinutes(1), afterMidnight.OldestArrival);
    }

    [Fact]
    public void Agents_are_counted_by_displayed_state_and_logged_out_agents_not_at_all()
    {
        var at = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        AgentLoggedIn LoggedIn(string id) => new(at, new AgentProfile { Id = id, Name = id }, []);
        var figures = new SiteFigures(TimeZoneInfo.Utc)
            .Apply("anna", LoggedIn("anna"))
            .Apply("bob", LoggedIn("bob"))
            .Apply("bob", new AgentPaused(at.AddMinutes(1), "lunch"))
            .Apply("carl", LoggedIn("carl"))
            .Apply("carl", new AgentLoggedOut(at.AddMinutes(2), null));

        var agents = figures.ToStatus(SiteSettings.SiteId, 5).Agents;
        Assert.Equal((2, 1, 1, 0), (agents.LoggedIn, agents.Available, agents.Paused, agents.Busy));
    }
}
