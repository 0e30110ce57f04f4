using ContactCenter.Contracts.Configuration;

namespace ContactCenter.Grains.Routing;

/// <summary>The outcome of a no-answer evaluation.</summary>
/// <param name="MissesInWindow">Misses counted in the sliding window.</param>
/// <param name="Fires">True when the policy's action applies now.</param>
/// <param name="Action">The action when it fires.</param>
/// <param name="PauseCodeId">The pause reason for <see cref="NoAnswerAction.Pause"/>.</param>
/// <param name="AlertSupervisors">Whether supervisors are alerted (only when it fires).</param>
public sealed record NoAnswerVerdict(int MissesInWindow, bool Fires, NoAnswerAction? Action, string? PauseCodeId,
    bool AlertSupervisors);
