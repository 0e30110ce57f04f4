using ContactCenter.Contracts;
using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.Routing;
using ContactCenter.Grains.Routing;

namespace ContactCenter.Grains.Tests.Routing;

public sealed class EligibilityTests
{
    private static readonly Dictionary<string, Func<AgentSnapshot, AgentSnapshot>> AgentCases = new()
    {
        ["ready"] = a => a,
        ["logged out"] = a => a with { Presence = Presence.LoggedOut },
        ["paused"] = a => a with { Presence = Presence.Paused, PauseCodeId = "lunch" },
        ["not in queue"] = a => a with { Queues = [new AgentQueuePriority("other", 5)] },
        ["no voice slot"] = a => a with { Slots = [new MediumSlot(Medium.Chat, 3, 0, true)] },
        ["voice capacity 0"] = a => a.WithSlot(new MediumSlot(Medium.Voice, 0, 0, true)),
        ["voice not ready"] = a => a.WithSlot(new MediumSlot(Medium.Voice, 1, 0, false)),
        ["voice full"] = a => a.WithSlot(new MediumSlot(Medium.Voice, 1, 1, true)),
        ["lacks billing"] = a => a with { Skills = [new SkillLevel("english", 7)] },
        ["billing too low"] = a => a with { Skills = [new SkillLevel("billing", 2), new SkillLevel("english", 7)] },
        ["paused and full"] = a => a.WithSlot(new MediumSlot(Medium.Voice, 1, 1, true)) with { Presence = Presence.Paused },
    };

    [Theory]
    [InlineData("ready", null)]
    [InlineData("logged out", ExclusionReason.NotLoggedIn)]
    [InlineData("paused", ExclusionReason.Paused)]
    [InlineData("not in queue", ExclusionReason.NotInQueue)]
    [InlineData("no voice slot", ExclusionReason.NoCapacityForMedium)]
    [InlineData("voice capacity 0", ExclusionReason.NoCapacityForMedium)]
    [InlineData("voice not ready", ExclusionReason.NotReadyForMedium)]
    [InlineData("voice full", ExclusionReason.AtCapacity)]
    [InlineData("lacks billing", ExclusionReason.MissingSkill)]
    [InlineData("billing too low", ExclusionReason.SkillBelowMinimum)]
    [InlineData("paused and full", ExclusionReason.Paused)]
    public void The_first_failing_check_is_the_reason(string agentCase, ExclusionReason? expected)
    {
        var agent = AgentCases[agentCase](Build.Agent("a1", "q1"));
        var work = Build.Work("w1") with { RequiredSkills = [new SkillRequirement("billing", 3)] };

        Assert.Equal(expected, Eligibility.Check(agent, work, Build.T0));
    }

    [Theory]
    [InlineData("a1", 30, null)]
    [InlineData("a2", 30, ExclusionReason.HeldForAnotherAgent)]
    [InlineData("a2", 0, null)]
    [InlineData("a2", -5, null)]
    public void Sticky_work_is_set_aside_for_others_only_while_held(string agentId, int holdSeconds, ExclusionReason? expected)
    {
        var work = Build.Work("w1") with { StickyAgentId = "a1", StickyUntil = Build.T0.AddSeconds(holdSeconds) };

        Assert.Equal(expected, Eligibility.Check(Build.Agent(agentId, "q1"), work, Build.T0));
    }

    [Fact]
    public void Chat_has_its_own_capacity_next_to_a_busy_voice_slot()
    {
        var agent = Build.Agent("a1", "q1").WithSlot(new MediumSlot(Medium.Voice, 1, 1, true))
            .WithSlot(new MediumSlot(Medium.Chat, 3, 2, true));

        Assert.Null(Eligibility.Check(agent, Build.Work("c1") with { Medium = Medium.Chat }, Build.T0));
        Assert.True(Eligibility.CanReserve(agent, Medium.Chat));
        Assert.False(Eligibility.CanReserve(agent, Medium.Voice));
        Assert.False(Eligibility.CanReserve(agent.WithSlot(new MediumSlot(Medium.Chat, 3, 3, true)), Medium.Chat));
    }
}
