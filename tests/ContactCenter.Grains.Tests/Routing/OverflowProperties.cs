using ContactCenter.Contracts.Configuration;
using ContactCenter.Grains.Routing;
using FsCheck;
using FsCheck.Fluent;

namespace ContactCenter.Grains.Tests.Routing;

public sealed class OverflowProperties
{
    private static readonly RoutingTarget Target = new(RoutingTargetKind.Queue, "backup");

    private static readonly Gen<OverflowRule> Rule =
        from condition in Gen.Elements(OverflowCondition.WaitTime, OverflowCondition.QueueLength, OverflowCondition.NoAgentLoggedIn)
        from wait in Gen.Choose(1, 300)
        from length in Gen.Choose(0, 20)
        select new OverflowRule { Condition = condition, MaxWait = TimeSpan.FromSeconds(wait), MaxLength = length, Target = Target };

    private static readonly Gen<OverflowContext> Context =
        from arriving in Gen.Elements(true, false)
        from waiting in Gen.Choose(0, 25)
        from waited in Gen.Choose(0, 400)
        from loggedIn in Gen.Frequency((1, Gen.Constant(0)), (3, Gen.Choose(1, 5)))
        select new OverflowContext(arriving, waiting, arriving ? TimeSpan.Zero : TimeSpan.FromSeconds(waited), loggedIn);

    /// <summary>The conditions restated independently: the oracle.</summary>
    private static bool Holds(OverflowRule rule, OverflowContext c) =>
        (rule.Condition == OverflowCondition.WaitTime && c.Waited.TotalSeconds >= rule.MaxWait.TotalSeconds)
        || (rule.Condition == OverflowCondition.QueueLength && c.Arriving && c.Waiting >= rule.MaxLength)
        || (rule.Condition == OverflowCondition.NoAgentLoggedIn && c.LoggedInAgents == 0);

    [Fact]
    public void Overflow_fires_exactly_when_a_condition_holds_and_it_is_the_first_such_rule() =>
        RoutingGen.Check(Prop.ForAll(Gen.ArrayOf(Rule).ToArbitrary(), Context.ToArbitrary(), (rules, context) =>
        {
            var verdict = OverflowEvaluator.Evaluate([.. rules], context);
            var first = Array.FindIndex(rules, r => Holds(r, context));
            return first < 0 ? verdict is null : verdict?.RuleIndex == first;
        }), maxTest: 500);

    [Fact]
    public void A_wait_rule_fires_at_its_deadline_and_not_a_tick_before() =>
        RoutingGen.Check(Prop.ForAll(Gen.ArrayOf(Rule).ToArbitrary(), rules =>
        {
            var deadline = OverflowEvaluator.NextWaitDeadline([.. rules], Build.T0);
            if (deadline is not { } at)
            {
                return rules.All(r => r.Condition != OverflowCondition.WaitTime);
            }
            OverflowContext Waiting(TimeSpan waited) => new(false, 0, waited, 3);
            return OverflowEvaluator.Evaluate([.. rules], Waiting(at - Build.T0 - TimeSpan.FromTicks(1))) is null
                && OverflowEvaluator.Evaluate([.. rules], Waiting(at - Build.T0)) is { Rule.Condition: OverflowCondition.WaitTime };
        }));
}
