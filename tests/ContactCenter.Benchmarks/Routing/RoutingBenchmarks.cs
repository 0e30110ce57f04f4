using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using ContactCenter.Contracts;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.Routing;
using ContactCenter.Grains.Routing;

namespace ContactCenter.Benchmarks.Routing;

/// <summary>The pure routing functions alone (no grains): push over 1,000 candidate agents, pull over 50 queue heads,
/// and a queue's heads-for-agent scan of 10,000 waiting items. Each result includes building the full explanation
/// record (one assessment per candidate), as the grains will journal it.</summary>
[MemoryDiagnoser]
[Config(typeof(BenchmarkConfig))]
public class RoutingBenchmarks
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private PushInput _push = null!;
    private PullInput _pull = null!;
    private WaitingList _waiting = null!;
    private AgentSnapshot _agent = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var queues = Enumerable.Range(0, 50).Select(i => $"q{i:00}").ToArray();
        ImmutableArray<SkillRequirement> required = [new("english", 3), new("billing", 2)];
        AgentSnapshot Agent(int i) => new()
        {
            AgentId = $"agent-{i:0000}",
            // About a quarter of the agents are busy or not ready, so push ranks ~750 eligible ones.
            Queues = [.. queues.Where(_ => random.Next(5) == 0).Append("q00").Distinct().Select(q => new AgentQueuePriority(q, random.Next(1, 4)))],
            Slots = [new MediumSlot(Medium.Voice, 1, random.Next(4) == 0 ? 1 : 0, true), new MediumSlot(Medium.Chat, 3, random.Next(4), true)],
            Skills = [new SkillLevel("english", random.Next(2, 11)), new SkillLevel("billing", random.Next(2, 11))],
            IdleSince = Now.AddSeconds(-random.Next(3600)),
            Occupancy = random.NextDouble(),
            HandledCount = random.Next(50),
        };
        WorkItem Work(int i, string queue) => new()
        {
            Id = $"call-{i:00000}", QueueId = queue, RequiredSkills = required, CallerBoost = random.Next(3),
            ArrivedAt = Now.AddSeconds(-random.Next(600)),
        };

        _push = new PushInput(Work(0, "q00"), SelectionStrategy.LongestIdle, [.. Enumerable.Range(0, 1000).Select(Agent)], Now);
        _agent = Agent(0) with
        {
            Queues = [.. queues.Select(q => new AgentQueuePriority(q, 2))],
            Slots = [new MediumSlot(Medium.Voice, 1, 0, true)],
        };
        _pull = new PullInput(_agent, [.. queues.Select((q, i) => Work(i, q))], Now);
        _waiting = Enumerable.Range(0, 10_000)
            .Select(i => Work(i, "q00") with { RequiredSkills = i < 9_990 ? [new SkillRequirement("german", 1)] : required })
            .Aggregate(WaitingList.Empty, (list, work) => list.Enqueue(work));
    }

    [Benchmark(Description = "push, 1,000 candidate agents")]
    public string? Push() => PushRouter.Decide(_push).ChosenAgentId;

    [Benchmark(Description = "pull, 50 queue heads")]
    public string? Pull() => PullRouter.Decide(_pull).ChosenWorkItemId;

    [Benchmark(Description = "heads for agent, 10,000 waiting (eligible item at the back)")]
    public int HeadsFor() => _waiting.HeadsFor(_agent, Now).Length;
}
