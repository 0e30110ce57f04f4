using ContactCenter.Contracts;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.Queues;
using ContactCenter.Grains.Queues;

namespace ContactCenter.Grains.Tests.Queues;

/// <summary>Builders for queue tests: a queue open around the clock with priority 10, and a fold that applies accepted
/// decisions the way the grain does.</summary>
internal static class QueueBuild
{
    public const string QueueId = "sales";

    /// <summary>Monday 2 March 2026, 09:00 UTC.</summary>
    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public static Queue Queue(string id = QueueId) => new()
    {
        Id = id,
        Version = 1,
        Name = "Sales",
        Priority = 10,
        SlaThreshold = TimeSpan.FromSeconds(20),
        RingTimeout = TimeSpan.FromSeconds(15),
        WrapUpTime = TimeSpan.FromSeconds(5),
        RequiredSkills = [new SkillRequirement("english", 3)],
    };

    public static EnqueueRequest Call(string workId, int boost = 0) => new() { WorkId = workId, Medium = Medium.Voice, CallerBoost = boost };

    public static DateTimeOffset At(int seconds) => T0.AddSeconds(seconds);

    /// <summary>Applies an accepted decision's events; fails the test on a refused one.</summary>
    public static QueueState Then(this QueueState state, QueueDecision decision)
    {
        Assert.True(decision.Accepted, $"expected the command to be accepted: {decision.Error} {decision.Message}");
        return decision.Events.Aggregate(state, (s, e) => s.Apply(e));
    }

    /// <summary>Enqueues calls at the given seconds after <see cref="T0"/>.</summary>
    public static QueueState Enqueued(this QueueState state, Queue queue, params (string Id, int Second)[] calls) =>
        calls.Aggregate(state, (s, c) => s.Then(QueueRules.Enqueue(s, queue.Id, queue, Call(c.Id), At(c.Second))));

    public static IEnumerable<string> Order(this QueueState state) => state.Waiting.Items.Select(w => w.Id);
}
