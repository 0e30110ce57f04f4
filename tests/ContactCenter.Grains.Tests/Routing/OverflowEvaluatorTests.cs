using System.Collections.Immutable;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Grains.Routing;

namespace ContactCenter.Grains.Tests.Routing;

public sealed class OverflowEvaluatorTests
{
    private static readonly RoutingTarget Backup = new(RoutingTargetKind.Queue, "backup");
    private static readonly RoutingTarget Mobile = new(RoutingTargetKind.ExternalNumber, "+48600100200");

    private static readonly ImmutableArray<OverflowRule> Rules =
    [
        new() { Condition = OverflowCondition.NoAgentLoggedIn, Target = Mobile },
        new() { Condition = OverflowCondition.QueueLength, MaxLength = 10, Target = Backup },
        new() { Condition = OverflowCondition.WaitTime, MaxWait = TimeSpan.FromMinutes(2), Target = Backup },
    ];

    [Theory]
    [InlineData(true, 0, 0, 5, null)]
    [InlineData(true, 9, 0, 5, null)]
    [InlineData(true, 10, 0, 5, 1)]
    [InlineData(false, 50, 60, 5, null)]
    [InlineData(false, 0, 119, 5, null)]
    [InlineData(false, 0, 120, 5, 2)]
    [InlineData(false, 50, 120, 0, 0)]
    [InlineData(true, 10, 0, 0, 0)]
    public void The_first_rule_that_holds_fires(bool arriving, int waiting, int waitedSeconds, int loggedIn, int? expected)
    {
        var verdict = OverflowEvaluator.Evaluate(Rules,
            new OverflowContext(arriving, waiting, TimeSpan.FromSeconds(waitedSeconds), loggedIn));

        Assert.Equal(expected, verdict?.RuleIndex);
        if (expected is { } index)
        {
            Assert.Same(Rules[index], verdict!.Rule);
        }
    }

    [Fact]
    public void A_queue_length_of_zero_overflows_every_arrival()
    {
        ImmutableArray<OverflowRule> rules = [new() { Condition = OverflowCondition.QueueLength, MaxLength = 0, Target = Backup }];

        Assert.NotNull(OverflowEvaluator.Evaluate(rules, new OverflowContext(true, 0, TimeSpan.Zero, 3)));
        Assert.Null(OverflowEvaluator.Evaluate(rules, new OverflowContext(false, 0, TimeSpan.Zero, 3)));
        Assert.Null(OverflowEvaluator.Evaluate([], new OverflowContext(true, 0, TimeSpan.Zero, 0)));
    }

    [Fact]
    public void The_next_deadline_is_the_shortest_wait_rule()
    {
        var rules = Rules.Add(new OverflowRule { Condition = OverflowCondition.WaitTime, MaxWait = TimeSpan.FromSeconds(45), Target = Mobile });

        Assert.Equal(Build.T0.AddSeconds(45), OverflowEvaluator.NextWaitDeadline(rules, Build.T0));
        Assert.Null(OverflowEvaluator.NextWaitDeadline([Rules[0]], Build.T0));
    }
}
