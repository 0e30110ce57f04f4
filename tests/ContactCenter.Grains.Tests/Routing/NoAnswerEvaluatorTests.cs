using ContactCenter.Contracts.Configuration;
using ContactCenter.Grains.Routing;

namespace ContactCenter.Grains.Tests.Routing;

public sealed class NoAnswerEvaluatorTests
{
    private static readonly NoAnswerPolicy Policy = new()
    {
        Id = "p1", Name = "three in ten", MaxMisses = 3, Window = TimeSpan.FromMinutes(10), PauseCodeId = "no-answer",
    };

    private static DateTimeOffset[] MissesAt(params int[] minutes) => [.. minutes.Select(m => Build.T0.AddMinutes(m))];

    [Theory]
    [InlineData(new[] { 0, 5 }, 9, 2, false)]
    [InlineData(new[] { 0, 5, 9 }, 9, 3, true)]
    [InlineData(new[] { 0, 5, 9 }, 10, 2, false)]
    [InlineData(new[] { 1, 5, 9 }, 10, 3, true)]
    [InlineData(new[] { 9, 5, 1 }, 10, 3, true)]
    [InlineData(new[] { 1, 5, 12 }, 10, 2, false)]
    public void Misses_count_in_a_sliding_window(int[] minutes, int nowMinute, int counted, bool fires)
    {
        var verdict = NoAnswerEvaluator.Evaluate(Policy, MissesAt(minutes), Build.T0.AddMinutes(nowMinute));

        Assert.Equal(counted, verdict.MissesInWindow);
        Assert.Equal(fires, verdict.Fires);
    }

    [Fact]
    public void Firing_pauses_with_the_reason_or_logs_out()
    {
        var pause = NoAnswerEvaluator.Evaluate(Policy, MissesAt(1, 2, 3), Build.T0.AddMinutes(3));
        Assert.Equal(new NoAnswerVerdict(3, true, NoAnswerAction.Pause, "no-answer", true), pause);

        var logOut = NoAnswerEvaluator.Evaluate(
            Policy with { Action = NoAnswerAction.LogOut, PauseCodeId = null, AlertSupervisors = false },
            MissesAt(1, 2, 3), Build.T0.AddMinutes(3));
        Assert.Equal(new NoAnswerVerdict(3, true, NoAnswerAction.LogOut, null, false), logOut);
    }

    [Fact]
    public void Prune_keeps_only_misses_in_the_window()
    {
        Assert.Equal(MissesAt(5, 9), NoAnswerEvaluator.Prune(MissesAt(0, 5, 9), Policy.Window, Build.T0.AddMinutes(10)));
    }
}
