using System.Collections.Immutable;
using ContactCenter.Contracts;
using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.Routing;

namespace ContactCenter.Grains.Routing;

/// <summary>The one eligibility rule push, pull, the waiting list and the agent's reservation arbiter share: an agent
/// may be offered work only when available, logged in to the work's queue, ready for its medium with a free slot,
/// qualified in every required skill, and the work is not held for another agent.</summary>
public static class Eligibility
{
    /// <summary>The first failing check, in <see cref="ExclusionReason"/> order; null when the agent is eligible.</summary>
    public static ExclusionReason? Check(AgentSnapshot agent, WorkItem work, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(work);
        if (CheckPresence(agent) is { } presence)
        {
            return presence;
        }
        if (!TryGetQueuePriority(agent, work.QueueId, out _))
        {
            return ExclusionReason.NotInQueue;
        }
        if (CheckSlot(agent, work.Medium) is { } slot)
        {
            return slot;
        }
        if (CheckSkills(agent, work.RequiredSkills) is { } skills)
        {
            return skills;
        }
        return work.IsHeldAt(now) && work.StickyAgentId != agent.AgentId ? ExclusionReason.HeldForAnotherAgent : null;
    }

    /// <summary>The reservation arbiter's rule (one offer per capacity slot): available, ready for the medium, and a
    /// slot free. The agent grain calls it before granting a reservation.</summary>
    public static bool CanReserve(AgentSnapshot agent, Medium medium)
    {
        ArgumentNullException.ThrowIfNull(agent);
        return CheckPresence(agent) is null && CheckSlot(agent, medium) is null;
    }

    /// <summary>Logged out or paused agents receive nothing.</summary>
    public static ExclusionReason? CheckPresence(AgentSnapshot agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        return agent.Presence switch
        {
            Presence.Available => null,
            Presence.Paused => ExclusionReason.Paused,
            _ => ExclusionReason.NotLoggedIn,
        };
    }

    /// <summary>Capacity, readiness and room for one medium.</summary>
    public static ExclusionReason? CheckSlot(AgentSnapshot agent, Medium medium)
    {
        var slot = FindSlot(agent, medium);
        if (slot is null || slot.Capacity <= 0)
        {
            return ExclusionReason.NoCapacityForMedium;
        }
        if (!slot.Ready)
        {
            return ExclusionReason.NotReadyForMedium;
        }
        return slot.HasRoom ? null : ExclusionReason.AtCapacity;
    }

    /// <summary>Every requirement met at its minimum level.</summary>
    public static ExclusionReason? CheckSkills(AgentSnapshot agent, ImmutableArray<SkillRequirement> requirements)
    {
        ArgumentNullException.ThrowIfNull(agent);
        if (requirements.IsDefaultOrEmpty)
        {
            return null;
        }
        foreach (var requirement in requirements)
        {
            var level = LevelOf(agent, requirement.SkillId);
            if (level == 0)
            {
                return ExclusionReason.MissingSkill;
            }
            if (level < requirement.MinimumLevel)
            {
                return ExclusionReason.SkillBelowMinimum;
            }
        }
        return null;
    }

    /// <summary>The agent's priority for a queue it is logged in to.</summary>
    public static bool TryGetQueuePriority(AgentSnapshot agent, string queueId, out int priority)
    {
        ArgumentNullException.ThrowIfNull(agent);
        foreach (var queue in agent.Queues)
        {
            if (string.Equals(queue.QueueId, queueId, StringComparison.Ordinal))
            {
                priority = queue.Priority;
                return true;
            }
        }
        priority = 0;
        return false;
    }

    /// <summary>The agent's slot for a medium, or null.</summary>
    public static MediumSlot? FindSlot(AgentSnapshot agent, Medium medium)
    {
        ArgumentNullException.ThrowIfNull(agent);
        foreach (var slot in agent.Slots)
        {
            if (slot.Medium == medium)
            {
                return slot;
            }
        }
        return null;
    }

    /// <summary>The agent's level in a skill, 0 when it lacks it.</summary>
    public static int LevelOf(AgentSnapshot agent, string skillId)
    {
        ArgumentNullException.ThrowIfNull(agent);
        foreach (var skill in agent.Skills)
        {
            if (string.Equals(skill.SkillId, skillId, StringComparison.Ordinal))
            {
                return skill.Level;
            }
        }
        return 0;
    }

    /// <summary>Sum of the agent's levels in the required skills (the highest-skill strategy's score).</summary>
    public static int SkillScore(AgentSnapshot agent, ImmutableArray<SkillRequirement> requirements)
    {
        var score = 0;
        if (!requirements.IsDefaultOrEmpty)
        {
            foreach (var requirement in requirements)
            {
                score += LevelOf(agent, requirement.SkillId);
            }
        }
        return score;
    }
}
