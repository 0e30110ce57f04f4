using ContactCenter.Grains.Queues;

namespace ContactCenter.Grains.Tests.Queues;

/// <summary>How fast a queue answers while work waits, for the expected wait of a caller's announcement.</summary>
public sealed class AnswerPaceTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_pace_is_unknown_until_two_answers_with_work_waiting_in_between()
    {
        var pace = new AnswerPace();
        Assert.Null(pace.ExpectedWait(1));

        pace.Answered(T0, stillWaiting: 2);
        Assert.Null(pace.ExpectedWait(1));

        pace.Answered(T0.AddSeconds(40), stillWaiting: 1);
        Assert.Equal((TimeSpan.FromSeconds(40), TimeSpan.FromSeconds(120)), (pace.ExpectedWait(1), pace.ExpectedWait(3)));
    }

    [Fact]
    public void Each_new_interval_weighs_a_quarter_of_the_average()
    {
        var pace = new AnswerPace();
        pace.Answered(T0, 5);
        pace.Answered(T0.AddSeconds(40), 5);

        pace.Answered(T0.AddSeconds(120), 5);

        Assert.Equal(TimeSpan.FromSeconds(50), pace.Interval); // 0.75 * 40 + 0.25 * 80
    }

    [Fact]
    public void A_gap_while_nothing_waited_is_not_counted()
    {
        var pace = new AnswerPace();
        pace.Answered(T0, 1);
        pace.Answered(T0.AddSeconds(30), stillWaiting: 0);

        pace.Answered(T0.AddHours(2), 3); // the queue was empty in between: how long the next caller waited says nothing
        pace.Answered(T0.AddHours(2).AddSeconds(10), 2);

        Assert.Equal(TimeSpan.FromSeconds(25), pace.Interval); // 0.75 * 30 + 0.25 * 10
    }
}
