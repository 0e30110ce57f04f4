using ContactCenter.Contracts.Configuration;

namespace ContactCenter.Contracts.Agents.Events;

/// <summary>The agent's no-answer policy fired (ROUTE-7): <paramref name="Misses"/> missed offers within
/// <paramref name="Window"/>. The consequence (<see cref="AgentPaused"/> or <see cref="AgentLoggedOut"/>) follows in the
/// same append; a supervisor alert stream publishes this event when <paramref name="AlertSupervisors"/> is set. It
/// clears the agent's recorded misses, so one burst acts once.</summary>
/// <param name="At">When the miss that fired the policy happened.</param>
/// <param name="PolicyId">The policy document's id.</param>
/// <param name="Misses">Misses counted in the window, the last one included.</param>
/// <param name="Window">The policy's sliding window.</param>
/// <param name="Action">Pause or log out.</param>
/// <param name="PauseCodeId">The pause reason for <see cref="NoAnswerAction.Pause"/>; null for a log-out.</param>
/// <param name="AlertSupervisors">Whether supervisors are to be alerted.</param>
public sealed record NoAnswerPolicyTriggered(DateTimeOffset At, string PolicyId, int Misses, TimeSpan Window,
    NoAnswerAction Action, string? PauseCodeId, bool AlertSupervisors) : AgentEvent(At);
