using ContactCenter.Contracts;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.Routing;

namespace ContactCenter.Grains.Tests.Routing;

/// <summary>Small builders for routing inputs; tests adjust them with <c>with</c>.</summary>
internal static class Build
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public static AgentSnapshot Agent(string id, params string[] queues) => new()
    {
        AgentId = id,
        Queues = [.. queues.Select(q => new AgentQueuePriority(q, QueueMembership.DefaultPriority))],
        Slots = [new MediumSlot(Medium.Voice, 1, 0, true), new MediumSlot(Medium.Chat, 3, 0, true)],
        Skills = [new SkillLevel("billing", 5), new SkillLevel("english", 7)],
        IdleSince = T0.AddMinutes(-10),
    };

    public static WorkItem Work(string id, string queue = "q1", int arrivedSecond = 0) => new()
    {
        Id = id,
        QueueId = queue,
        ArrivedAt = T0.AddSeconds(arrivedSecond),
    };

    public static PushDecision Push(WorkItem work, params AgentSnapshot[] agents) =>
        ContactCenter.Grains.Routing.PushRouter.Decide(new PushInput(work, SelectionStrategy.LongestIdle, [.. agents], T0));

    public static PushDecision Push(SelectionStrategy strategy, WorkItem work, params AgentSnapshot[] agents) =>
        ContactCenter.Grains.Routing.PushRouter.Decide(new PushInput(work, strategy, [.. agents], T0));

    public static PullDecision Pull(AgentSnapshot agent, params WorkItem[] heads) =>
        ContactCenter.Grains.Routing.PullRouter.Decide(new PullInput(agent, [.. heads], T0.AddMinutes(5)));

    public static AgentSnapshot WithPriority(this AgentSnapshot agent, string queue, int priority) =>
        agent with { Queues = [.. agent.Queues.Where(q => q.QueueId != queue), new AgentQueuePriority(queue, priority)] };

    public static AgentSnapshot WithSlot(this AgentSnapshot agent, MediumSlot slot) =>
        agent with { Slots = [.. agent.Slots.Where(s => s.Medium != slot.Medium), slot] };
}
