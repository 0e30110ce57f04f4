using ContactCenter.Grains.Calls;

namespace ContactCenter.Grains.Tests.Calls;

/// <summary>A fold for call rule tests that applies accepted decisions the way the grain does.</summary>
internal static class CallBuild
{
    /// <summary>Applies an accepted decision's events; fails the test on a refused one.</summary>
    public static CallState Then(this CallState state, CallDecision decision)
    {
        Assert.True(decision.Accepted, $"expected the command to be accepted: {decision.Error} {decision.Message}");
        return decision.Events.Aggregate(state, (s, e) => s.Apply(e));
    }
}
