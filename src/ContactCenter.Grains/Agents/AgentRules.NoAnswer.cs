using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Agents.Events;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Grains.Routing;

namespace ContactCenter.Grains.Agents;

public static partial class AgentRules
{
    /// <summary>The log-out reason the no-answer policy gives.</summary>
    public const string NoAnswerLogoutReason = "no-answer policy";

    /// <summary>An offer rang out: the release, and — when <paramref name="policy"/> counts enough misses in its window,
    /// this one included (<see cref="NoAnswerEvaluator"/>) — in the same decision <see cref="NoAnswerPolicyTriggered"/>
    /// (which clears the recorded misses, so one burst acts once) and its consequence.</summary>
    /// <remarks>Rules decided: no policy (null) means the policy is off and misses are only counted. Answering an offer
    /// does not reset the misses — the policy is "N misses within T", a sliding window, and misses leave it by age only.
    /// A pause does not override a pause already in force (the agent takes no work either way). A log-out is
    /// deferred while another slot is still reserved, ringing or in conversation, because a log-out never abandons
    /// work: the misses stay recorded and the next miss in the window fires the policy again.</remarks>
    private static AgentDecision Missed(AgentState state, ReservationReleased release, NoAnswerPolicy? policy)
    {
        if (policy is null)
        {
            return AgentDecision.Emit(release);
        }
        var verdict = NoAnswerEvaluator.Evaluate(policy, [.. state.RecentMisses, release.At], release.At);
        if (!verdict.Fires)
        {
            return AgentDecision.Emit(release);
        }
        var triggered = new NoAnswerPolicyTriggered(release.At, policy.Id, verdict.MissesInWindow, policy.Window,
            policy.Action, verdict.PauseCodeId, verdict.AlertSupervisors);
        if (policy.Action == NoAnswerAction.LogOut)
        {
            var otherWork = state.Work.Any(w => w.WorkId != release.WorkId && w.Activity != AgentActivity.WrapUp);
            return otherWork
                ? AgentDecision.Emit(release)
                : AgentDecision.Emit(release, triggered, new AgentLoggedOut(release.At, NoAnswerLogoutReason));
        }
        if (verdict.PauseCodeId is not { Length: > 0 } pauseCodeId)
        {
            throw new InvalidOperationException(
                $"no-answer policy {policy.Id} pauses but names no pause code; the document validator must refuse it");
        }
        return state.Presence == Presence.Paused
            ? AgentDecision.Emit(release, triggered)
            : AgentDecision.Emit(release, triggered, new AgentPaused(release.At, pauseCodeId));
    }
}
