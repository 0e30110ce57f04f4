using System.Text.Json;
using ContactCenter.Contracts;
using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Agents.Events;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Grains.Agents;
using ContactCenter.Grains.Tests.Routing;
using FsCheck;
using FsCheck.Fluent;
using static ContactCenter.Grains.Tests.Agents.AgentBuild;

namespace ContactCenter.Grains.Tests.Agents;

/// <summary>Invariants of the agent state machine over random command sequences.</summary>
public sealed class AgentStateProperties
{
    private enum Command { LogIn, LogOut, Pause, Resume, QueueOut, QueueIn, Reserve, Ring, Answer, Release, End, FinishWrapUp, Expire }

    private sealed record Step(Command Command, int Work, bool Chat, int Seconds);

    private static readonly Gen<Step[]> Steps = Gen.ArrayOf(
        from command in Gen.Elements(Enum.GetValues<Command>())
        from work in Gen.Choose(0, 5)
        from chat in Gen.Elements(true, false)
        from seconds in Gen.Choose(0, 40)
        select new Step(command, work, chat, seconds));

    /// <summary>No policy, a pause after two misses in a minute, or a log-out after two misses in a minute.</summary>
    private static NoAnswerPolicy? PolicyOf(Step step) => (step.Work % 3) switch
    {
        0 => null,
        1 => new NoAnswerPolicy { Id = "p", Name = "Pause", MaxMisses = 2, Window = TimeSpan.FromMinutes(1), PauseCodeId = "missed" },
        _ => new NoAnswerPolicy { Id = "l", Name = "Log out", MaxMisses = 2, Window = TimeSpan.FromMinutes(1), Action = NoAnswerAction.LogOut },
    };

    private static AgentDecision Decide(AgentState state, Step step, DateTimeOffset now)
    {
        var workId = $"w{step.Work}";
        return step.Command switch
        {
            Command.LogIn => AgentRules.LogIn(state, Profile(), now),
            Command.LogOut => AgentRules.LogOut(state, "end", now),
            Command.Pause => AgentRules.Pause(state, "lunch", Lunch, now),
            Command.Resume => AgentRules.Resume(state, now),
            Command.QueueOut => AgentRules.LogOutOfQueue(state, step.Chat ? "support" : "sales", AgentActor.Agent, now),
            Command.QueueIn => AgentRules.LogInToQueue(state, step.Chat ? "support" : "sales", AgentActor.Agent, now),
            Command.Reserve => AgentRules.TryReserve(state, "a1", step.Chat ? Chat(workId) : Voice(workId), now),
            Command.Ring => AgentRules.Ring(state, workId, now),
            Command.Answer => AgentRules.Answer(state, workId, now),
            Command.Release => AgentRules.Release(state, workId, ReleaseReason.NoAnswer, now, PolicyOf(step)),
            Command.End => AgentRules.EndWork(state, workId, now),
            Command.FinishWrapUp => AgentRules.FinishWrapUp(state, workId, now),
            _ => AgentRules.Expire(state, workId, now, PolicyOf(step)),
        };
    }

    [Fact]
    public void Capacity_presence_and_history_invariants_hold_and_the_journal_replays_to_the_same_state() =>
        RoutingGen.Check(Prop.ForAll(Steps.ToArbitrary(), steps =>
        {
            var state = AgentState.Initial;
            var journal = new List<AgentEvent>();
            var now = T0;
            foreach (var step in steps)
            {
                now = now.AddSeconds(step.Seconds);
                var decision = Decide(state, step, now);
                if (!decision.Accepted && !decision.Events.IsEmpty)
                {
                    return false;
                }
                foreach (var @event in decision.Events)
                {
                    state = state.Apply(@event);
                    journal.Add(@event);
                }
                if (!Holds(state))
                {
                    return false;
                }
            }
            var replayed = journal
                .Select(e => JsonSerializer.Deserialize(JsonSerializer.Serialize(e, AgentJsonContext.Default.AgentEvent), AgentJsonContext.Default.AgentEvent)!)
                .Aggregate(AgentState.Initial, (s, e) => s.Apply(e));
            return Json(replayed.ToStatus("a1", 0)) == Json(state.ToStatus("a1", 0))
                && replayed.History.SequenceEqual(state.History)
                && replayed.RecentMisses.SequenceEqual(state.RecentMisses);
        }), maxTest: 500);

    private static bool Holds(AgentState state)
    {
        var voice = state.Work.Count(w => w.Medium == Medium.Voice);
        var chat = state.Work.Count(w => w.Medium == Medium.Chat);
        var contiguous = state.History.Zip(state.History.Skip(1)).All(p => p.First.End == p.Second.Start);
        return voice <= 1 && chat <= 3
            && state.RecentMisses.Length <= AgentState.MissLimit && state.RecentMisses.Length <= state.Counters.Missed
            && state.Work.Select(w => w.WorkId).Distinct().Count() == state.Work.Length
            && (state.Presence != Presence.LoggedOut || state.Work.IsEmpty)
            && contiguous
            && (state.History.IsEmpty || (state.History[^1].End is null && state.History[^1].State == state.Display().State));
    }

    private static string Json(AgentStatus status) => JsonSerializer.Serialize(status, AgentJsonContext.Default.AgentStatus);
}
