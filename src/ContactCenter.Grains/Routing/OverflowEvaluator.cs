using System.Collections.Immutable;
using ContactCenter.Contracts.Configuration;

namespace ContactCenter.Grains.Routing;

/// <summary>Overflow evaluation (ROUTE-4): the first rule, in declared order, whose condition holds fires.</summary>
/// <remarks>Conditions: wait time — the item has waited at least <see cref="OverflowRule.MaxWait"/>; queue length —
/// on arrival only, at least <see cref="OverflowRule.MaxLength"/> items already wait; no agent logged in — zero agents
/// are logged in to the queue (on arrival and while waiting).</remarks>
public static class OverflowEvaluator
{
    /// <summary>The rule that fires, or null.</summary>
    public static OverflowVerdict? Evaluate(ImmutableArray<OverflowRule> rules, OverflowContext context)
    {
        if (rules.IsDefaultOrEmpty)
        {
            return null;
        }
        for (var i = 0; i < rules.Length; i++)
        {
            if (Holds(rules[i], context))
            {
                return new OverflowVerdict(i, rules[i]);
            }
        }
        return null;
    }

    /// <summary>Whether one rule's condition holds.</summary>
    public static bool Holds(OverflowRule rule, OverflowContext context)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return rule.Condition switch
        {
            OverflowCondition.WaitTime => context.Waited >= rule.MaxWait,
            OverflowCondition.QueueLength => context.Arriving && context.Waiting >= rule.MaxLength,
            OverflowCondition.NoAgentLoggedIn => context.LoggedInAgents == 0,
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule.Condition, "Unknown overflow condition."),
        };
    }

    /// <summary>When the earliest wait-time rule will fire for work that arrived at <paramref name="arrivedAt"/>, so
    /// the queue can set one timer; null when the queue has no wait-time rule.</summary>
    public static DateTimeOffset? NextWaitDeadline(ImmutableArray<OverflowRule> rules, DateTimeOffset arrivedAt)
    {
        TimeSpan? earliest = null;
        if (!rules.IsDefaultOrEmpty)
        {
            foreach (var rule in rules)
            {
                if (rule.Condition == OverflowCondition.WaitTime && (earliest is null || rule.MaxWait < earliest))
                {
                    earliest = rule.MaxWait;
                }
            }
        }
        return earliest is { } wait ? arrivedAt + wait : null;
    }
}
