using System.Collections.Immutable;
using ContactCenter.Contracts.Configuration;

namespace ContactCenter.Grains.Routing;

/// <summary>The no-answer policy (ROUTE-7): N misses within a sliding window T → pause with a reason or log out.</summary>
/// <remarks>A miss at time m counts at <c>now</c> when <c>m ≤ now</c> and <c>now − m &lt; T</c> (a miss exactly T ago
/// has left the window). The agent grain clears its misses when the action fires, so one burst acts once.</remarks>
public static class NoAnswerEvaluator
{
    /// <summary>Evaluates the agent's recorded misses (any order) at <paramref name="now"/>.</summary>
    public static NoAnswerVerdict Evaluate(NoAnswerPolicy policy, IReadOnlyList<DateTimeOffset> misses,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(misses);
        var count = 0;
        for (var i = 0; i < misses.Count; i++)
        {
            if (InWindow(misses[i], policy.Window, now))
            {
                count++;
            }
        }
        return count >= policy.MaxMisses
            ? new NoAnswerVerdict(count, true, policy.Action,
                policy.Action == NoAnswerAction.Pause ? policy.PauseCodeId : null, policy.AlertSupervisors)
            : new NoAnswerVerdict(count, false, null, null, false);
    }

    /// <summary>The misses still in the window, so the agent's state does not grow without bound.</summary>
    public static ImmutableArray<DateTimeOffset> Prune(IReadOnlyList<DateTimeOffset> misses, TimeSpan window,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(misses);
        var kept = ImmutableArray.CreateBuilder<DateTimeOffset>(misses.Count);
        for (var i = 0; i < misses.Count; i++)
        {
            if (InWindow(misses[i], window, now))
            {
                kept.Add(misses[i]);
            }
        }
        return kept.ToImmutable();
    }

    private static bool InWindow(DateTimeOffset miss, TimeSpan window, DateTimeOffset now) =>
        miss <= now && now - miss < window;
}
