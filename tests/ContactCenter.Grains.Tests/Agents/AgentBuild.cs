using ContactCenter.Contracts;
using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Grains.Agents;

namespace ContactCenter.Grains.Tests.Agents;

/// <summary>Builders for agent tests: a profile with voice 1 and chat 3, two self-service queues and one the agent may
/// not leave, and a fold that applies accepted decisions the way the grain does.</summary>
internal static class AgentBuild
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public static AgentProfile Profile(string id = "a1") => new()
    {
        Id = id,
        Version = 1,
        Name = "Agent One",
        Skills = [new SkillLevel("billing", 5), new SkillLevel("english", 7)],
        Queues = [new QueueMembership("sales", 7), new QueueMembership("support", 3), new QueueMembership("vip", 9, SelfService: false)],
        Capacities = [new MediumCapacity(Medium.Voice, 1), new MediumCapacity(Medium.Chat, 3)],
    };

    public static PauseCode Lunch { get; } = new() { Id = "lunch", Name = "Lunch", Kind = PauseKind.Private };

    public static ReservationRequest Voice(string workId, string? queue = "sales", int wrapUpSeconds = 30) => new()
    {
        WorkId = workId,
        Medium = Medium.Voice,
        QueueId = queue,
        WrapUpTime = TimeSpan.FromSeconds(wrapUpSeconds),
    };

    public static ReservationRequest Chat(string workId, string? queue = "support") => new()
    {
        WorkId = workId,
        Medium = Medium.Chat,
        QueueId = queue,
        WrapUpTime = TimeSpan.FromSeconds(10),
    };

    /// <summary>A logged-in agent at <see cref="T0"/>.</summary>
    public static AgentState LoggedIn() => Initial.Then(AgentRules.LogIn(Initial, Profile(), T0));

    public static AgentState Initial => AgentState.Initial;

    /// <summary>Applies an accepted decision's events; fails the test on a refused one.</summary>
    public static AgentState Then(this AgentState state, AgentDecision decision)
    {
        Assert.True(decision.Accepted, $"expected the command to be accepted: {decision.Error} {decision.Refusal} {decision.Message}");
        return decision.Events.Aggregate(state, (s, e) => s.Apply(e));
    }

    public static DateTimeOffset At(int seconds) => T0.AddSeconds(seconds);

    public static DisplayedState Shown(this AgentState state) => state.Display().State;
}
