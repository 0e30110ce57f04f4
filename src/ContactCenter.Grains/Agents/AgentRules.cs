using System.Collections.Immutable;
using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Agents.Events;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.Routing;

namespace ContactCenter.Grains.Agents;

/// <summary>The agent's command rules as pure functions of its state: each returns the events a command raises, none
/// when its target already holds (an accepted repeat), or the reason it is refused. The agent grain only orchestrates:
/// it reads configuration, calls a rule, appends the events.</summary>
/// <remarks>Work life cycle per slot: Reserved → Ringing → Busy (voice) or Chatting (text) → WrapUp → free. A reserved or
/// ringing slot is released (declined, rang out, timed out, withdrawn); answering is allowed from Reserved too, for
/// media that do not ring.</remarks>
public static partial class AgentRules
{
    /// <summary>Log-in with <paramref name="profile"/> into every queue of the profile.</summary>
    public static AgentDecision LogIn(AgentState state, AgentProfile? profile, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (profile is null)
        {
            return AgentDecision.Fail(AgentCommandError.ProfileNotFound, "the agent has no profile");
        }
        if (state.Presence != Presence.LoggedOut)
        {
            return AgentDecision.NoChange("already logged in");
        }
        ImmutableArray<AgentQueuePriority> queues = [.. profile.Queues.Select(m => new AgentQueuePriority(m.QueueId, m.Priority))];
        return AgentDecision.Emit(new AgentLoggedIn(now, profile, queues));
    }

    /// <summary>Log-out; refused while a slot is reserved, ringing or in conversation.</summary>
    public static AgentDecision LogOut(AgentState state, string? reason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Presence == Presence.LoggedOut)
        {
            return AgentDecision.NoChange("already logged out");
        }
        if (state.Work.FirstOrDefault(w => w.Activity != AgentActivity.WrapUp) is { } busy)
        {
            return AgentDecision.Fail(AgentCommandError.WorkInProgress,
                $"work {busy.WorkId} is {busy.Activity}; finish it before logging out");
        }
        return AgentDecision.Emit(new AgentLoggedOut(now, reason));
    }

    /// <summary>Pause with a known pause code (or change the reason of a pause).</summary>
    public static AgentDecision Pause(AgentState state, string pauseCodeId, PauseCode? pauseCode, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Presence == Presence.LoggedOut)
        {
            return AgentDecision.Fail(AgentCommandError.NotLoggedIn, "a logged-out agent cannot pause");
        }
        if (pauseCode is null || !string.Equals(pauseCode.Id, pauseCodeId, StringComparison.Ordinal))
        {
            return AgentDecision.Fail(AgentCommandError.UnknownPauseCode, $"pause code '{pauseCodeId}' does not exist");
        }
        if (state.Presence == Presence.Paused && state.PauseCodeId == pauseCodeId)
        {
            return AgentDecision.NoChange($"already paused with '{pauseCodeId}'");
        }
        return AgentDecision.Emit(new AgentPaused(now, pauseCodeId));
    }

    /// <summary>End a pause.</summary>
    public static AgentDecision Resume(AgentState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Presence switch
        {
            Presence.LoggedOut => AgentDecision.Fail(AgentCommandError.NotLoggedIn, "a logged-out agent cannot resume"),
            Presence.Available => AgentDecision.NoChange("not paused"),
            _ => AgentDecision.Emit(new AgentResumed(now)),
        };
    }

    /// <summary>Log in to a profile queue; the agent itself only where the membership allows self-service (AGENT-2).</summary>
    public static AgentDecision LogInToQueue(AgentState state, string queueId, AgentActor by, DateTimeOffset now)
    {
        if (CheckQueueCommand(state, queueId, by, "in to") is { } refused)
        {
            return refused;
        }
        var membership = state.FindMembership(queueId)!;
        return state.IsInQueue(queueId)
            ? AgentDecision.NoChange($"already in queue {queueId}")
            : AgentDecision.Emit(new AgentQueueLoggedIn(now, queueId, membership.Priority, by));
    }

    /// <summary>Log out of a queue; the agent itself only where the membership allows self-service (AGENT-2). Work
    /// from the queue already held continues.</summary>
    public static AgentDecision LogOutOfQueue(AgentState state, string queueId, AgentActor by, DateTimeOffset now)
    {
        if (CheckQueueCommand(state, queueId, by, "out of") is { } refused)
        {
            return refused;
        }
        return state.IsInQueue(queueId)
            ? AgentDecision.Emit(new AgentQueueLoggedOut(now, queueId, by))
            : AgentDecision.NoChange($"not in queue {queueId}");
    }

    /// <summary>Apply a changed profile; nothing when it is the version already applied.</summary>
    public static AgentDecision ApplyProfile(AgentState state, AgentProfile? profile, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (profile is null)
        {
            return AgentDecision.Fail(AgentCommandError.ProfileNotFound, "the agent has no profile");
        }
        return state.Profile is { } current && current.Version == profile.Version && current.Version != 0
            ? AgentDecision.NoChange($"profile version {profile.Version} already applied")
            : AgentDecision.Emit(new AgentProfileApplied(now, profile));
    }

    /// <summary>Start a new counting period.</summary>
    public static AgentDecision ResetCounters(DateTimeOffset now) => AgentDecision.Emit(new AgentCountersReset(now));

    private static AgentDecision? CheckQueueCommand(AgentState state, string queueId, AgentActor by, string direction)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (string.IsNullOrEmpty(queueId))
        {
            return AgentDecision.Fail(AgentCommandError.InvalidRequest, "a queue id is required");
        }
        if (state.Presence == Presence.LoggedOut)
        {
            return AgentDecision.Fail(AgentCommandError.NotLoggedIn, $"a logged-out agent cannot log {direction} a queue");
        }
        if (state.FindMembership(queueId) is not { } membership)
        {
            return AgentDecision.Fail(AgentCommandError.NotAMemberOfQueue, $"queue {queueId} is not in the agent's profile");
        }
        return by == AgentActor.Agent && !membership.SelfService
            ? AgentDecision.Fail(AgentCommandError.SelfServiceForbidden,
                $"the agent may not log {direction} queue {queueId} themselves")
            : null;
    }
}
