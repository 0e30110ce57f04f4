using System.Collections.Immutable;
using ContactCenter.Contracts;
using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.Routing;
using FsCheck;
using FsCheck.Fluent;

namespace ContactCenter.Grains.Tests.Routing;

/// <summary>Generators of routing inputs over a small world (3 queues, 3 skills, agents a0..a7) so that collisions —
/// equal priorities, equal arrivals, sticky agents present in the candidate list — are frequent.</summary>
internal static class RoutingGen
{
    public static readonly string[] Queues = ["q1", "q2", "q3"];
    public static readonly string[] SkillIds = ["billing", "english", "german"];
    public static readonly Medium[] Media = [Medium.Voice, Medium.Chat];

    public static Gen<MediumSlot> Slot(Medium medium) =>
        from capacity in medium == Medium.Voice ? Gen.Choose(0, 1) : Gen.Choose(0, 3)
        from inUse in Gen.Choose(0, capacity + 1)
        from ready in Gen.Frequency((4, Gen.Constant(true)), (1, Gen.Constant(false)))
        select new MediumSlot(medium, capacity, Math.Min(inUse, capacity), ready);

    public static Gen<AgentSnapshot> Agent(string id) =>
        from presence in Gen.Frequency((6, Gen.Constant(Presence.Available)), (1, Gen.Constant(Presence.Paused)),
            (1, Gen.Constant(Presence.LoggedOut)))
        from queues in Gen.SubListOf(Queues)
        from priorities in Gen.ArrayOf(Gen.Choose(4, 6), Queues.Length)
        from voice in Slot(Medium.Voice)
        from chat in Slot(Medium.Chat)
        from skills in Gen.SubListOf(SkillIds)
        from levels in Gen.ArrayOf(Gen.Choose(1, 10), SkillIds.Length)
        from idle in Gen.Choose(0, 20)
        from occupancy in Gen.Choose(0, 4)
        from handled in Gen.Choose(0, 3)
        select new AgentSnapshot
        {
            AgentId = id,
            Presence = presence,
            Queues = [.. queues.Select(q => new AgentQueuePriority(q, priorities[Array.IndexOf(Queues, q)]))],
            Slots = [voice, chat],
            Skills = [.. skills.Select(s => new SkillLevel(s, levels[Array.IndexOf(SkillIds, s)]))],
            IdleSince = Build.T0.AddMinutes(-idle),
            Occupancy = occupancy / 4.0,
            HandledCount = handled,
        };

    public static Gen<ImmutableArray<AgentSnapshot>> Agents =>
        from count in Gen.Choose(0, 8)
        from agents in Gen.CollectToArray(Enumerable.Range(0, count), i => Agent($"a{i}"))
        select agents.ToImmutableArray();

    public static Gen<WorkItem> Work(string id) =>
        from queue in Gen.Elements(Queues)
        from medium in Gen.Elements(Media)
        from boost in Gen.Choose(0, 2)
        from skills in Gen.SubListOf(SkillIds)
        from minimums in Gen.ArrayOf(Gen.Choose(1, 10), SkillIds.Length)
        from arrival in Gen.Choose(0, 5)
        from sticky in Gen.Frequency((3, Gen.Constant(-1)), (1, Gen.Choose(0, 9)))
        from holdSeconds in Gen.Choose(-30, 30)
        from missed in Gen.SubListOf(new[] { "a0", "a1", "a2" })
        select new WorkItem
        {
            Id = id,
            QueueId = queue,
            Medium = medium,
            CallerBoost = boost,
            RequiredSkills = [.. skills.Select(s => new SkillRequirement(s, minimums[Array.IndexOf(SkillIds, s)]))],
            ArrivedAt = Build.T0.AddSeconds(arrival),
            StickyAgentId = sticky < 0 ? null : $"a{sticky}",
            StickyUntil = sticky < 0 ? null : Build.T0.AddSeconds(holdSeconds),
            MissedBy = [.. missed],
        };

    public static Gen<PushInput> PushInputs =>
        from work in Work("w")
        from strategy in Gen.Elements(SelectionStrategy.LongestIdle, SelectionStrategy.LeastOccupied, SelectionStrategy.HighestSkill)
        from agents in Agents
        select new PushInput(work, strategy, agents, Build.T0);

    public static Gen<PullInput> PullInputs =>
        from agent in Agent("a1")
        from count in Gen.Choose(0, 8)
        from heads in Gen.CollectToArray(Enumerable.Range(0, count), i => Work($"w{i}"))
        select new PullInput(agent, [.. heads.Select((w, i) => w with { Sequence = i })], Build.T0);

    /// <summary>The eligibility rule restated independently of the production code: the oracle of the properties.</summary>
    public static bool MayTake(AgentSnapshot agent, WorkItem work, DateTimeOffset now)
    {
        var slot = agent.Slots.FirstOrDefault(s => s.Medium == work.Medium);
        var held = work.StickyAgentId is not null && now < work.StickyUntil;
        return agent.Presence == Presence.Available
            && agent.Queues.Any(q => q.QueueId == work.QueueId)
            && slot is not null && slot.Ready && slot.InUse < slot.Capacity
            && work.RequiredSkills.All(r => agent.Skills.Any(s => s.SkillId == r.SkillId && s.Level >= r.MinimumLevel))
            && (!held || work.StickyAgentId == agent.AgentId);
    }

    public static void Check(Property property, int maxTest = 300) =>
        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(maxTest), property);
}
